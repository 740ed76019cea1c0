// Feeding expat a part of the archive a chunk at a time, and turning its errors and the
// handlers' into Error(kInvalidInput) naming the part.
#include "io/sheets/xml_driver.h"

#include <fmt/format.h>

namespace aftersales::xlsx {

bool XmlDriver::advance() {
  if (finished_) return false;
  if (suspended_) {
    suspended_ = false;
    if (settle(XML_ResumeParser(parser_.get()))) return true;
  }
  while (!final_chunk_) {
    void* buffer = XML_GetBuffer(parser_.get(), static_cast<int>(chunk_bytes_));
    if (buffer == nullptr) {
      settle(XML_STATUS_ERROR);  // throws
      throw std::bad_alloc();
    }
    const zip_int64_t got = zip_fread(file_.get(), buffer, chunk_bytes_);
    if (got < 0) {
      throw damaged(where_, zip_error_strerror(zip_file_get_error(file_.get())));
    }
    bytes_read_ += static_cast<std::uint64_t>(got);
    budget_.check_inflated(bytes_read_);  // a forged archive may state less than it holds
    final_chunk_ = got == 0;
    if (settle(XML_ParseBuffer(parser_.get(), static_cast<int>(got), final_chunk_))) {
      return true;
    }
  }
  finished_ = true;
  return false;
}

bool XmlDriver::settle(XML_Status status) {
  if (handler_.failure) {
    finished_ = true;
    try {
      std::rethrow_exception(handler_.failure);
    } catch (const Error&) {
      throw;
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& e) {
      throw damaged(where_, e.what());
    }
  }
  if (status == XML_STATUS_SUSPENDED) {
    suspended_ = true;
    return true;
  }
  if (status == XML_STATUS_ERROR) {
    finished_ = true;
    throw damaged(where_, fmt::format("not well-formed XML at line {}, column {}: {}",
                                      XML_GetCurrentLineNumber(parser_.get()),
                                      XML_GetCurrentColumnNumber(parser_.get()) + 1,
                                      XML_ErrorString(XML_GetErrorCode(parser_.get()))));
  }
  return false;
}

}  // namespace aftersales::xlsx
