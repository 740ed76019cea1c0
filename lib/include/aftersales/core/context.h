// Everything a core call needs, passed explicitly: nothing is global.
#pragma once

#include <string>

#include "aftersales/core/time.h"
#include "aftersales/rules/rules.h"

namespace aftersales {

class Store;

// Who acts: the acting user (checked against roles) and the OS login that ran the command.
struct Actor {
  std::string user;
  std::string login;
};

struct Context {
  Store& store;
  const Rules& rules;
  const Clock& clock;
  Actor actor;

  Timestamp now() const { return clock.now(); }
  Date today() const { return local_date(clock.now(), rules.general.utc_offset); }
};

}  // namespace aftersales
