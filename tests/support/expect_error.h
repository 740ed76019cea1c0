// Checks that a call throws aftersales::Error with a given code and message fragments.
#pragma once

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

#include "aftersales/core/error.h"

namespace aftersales::testing {

template <typename Work>
void expect_error(ErrorCode code, std::initializer_list<const char*> fragments, Work&& work) {
  try {
    work();
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(static_cast<int>(e.code()) == static_cast<int>(code));
    const std::string text = std::string(e.what()) + "\n" + e.hint();
    for (const char* fragment : fragments) {
      INFO("message: " << text);
      CHECK(text.find(fragment) != std::string::npos);
    }
  }
}

}  // namespace aftersales::testing
