// A stream buffer that writes to a file descriptor it does not own, 64 KiB at a time: what the
// atomic files (render.h write_file_atomically) and the pager's pipe (terminal_output.h) write
// through. The first failed write is kept in error(); everything written after it is dropped.
#pragma once

#include <streambuf>
#include <vector>

namespace aftersales {

class FdBuffer final : public std::streambuf {
 public:
  explicit FdBuffer(int fd);
  FdBuffer(const FdBuffer&) = delete;
  FdBuffer& operator=(const FdBuffer&) = delete;

  // The errno of the first failed write, 0 while every write succeeded.
  int error() const { return error_; }
  // Writes out what is buffered; false (and error() set) once a write failed.
  bool flush_all();

 protected:
  int_type overflow(int_type ch) override;
  int sync() override;

 private:
  bool drain();

  int fd_;
  int error_ = 0;
  std::vector<char> buffer_;
};

}  // namespace aftersales
