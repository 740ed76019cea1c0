#include "aftersales/io/fd_buffer.h"

#include <unistd.h>

#include <cerrno>
#include <cstddef>

namespace aftersales {

FdBuffer::FdBuffer(int fd) : fd_(fd), buffer_(64 * 1024) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

bool FdBuffer::flush_all() { return drain(); }

FdBuffer::int_type FdBuffer::overflow(int_type ch) {
  if (!drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

int FdBuffer::sync() { return drain() ? 0 : -1; }

bool FdBuffer::drain() {
  const char* data = pbase();
  std::size_t left = static_cast<std::size_t>(pptr() - pbase());
  while (left > 0 && error_ == 0) {
    const ssize_t written = ::write(fd_, data, left);
    if (written < 0) {
      if (errno != EINTR) error_ = errno;
    } else {
      data += written;
      left -= static_cast<std::size_t>(written);
    }
  }
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return error_ == 0;
}

}  // namespace aftersales
