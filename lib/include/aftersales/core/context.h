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
  const Clock& clock;  // business time: the real clock, or --today
  Actor actor;
  // The real clock, for the audit trail's own time, which --today never alters. nullptr: the
  // business clock is the real one (core tests run both on one fixed clock).
  const Clock* real_clock = nullptr;

  // Business time: when the facts happen (reported, arrived, signed, approved ...).
  Timestamp now() const { return clock.now(); }
  Date today() const { return local_date(clock.now(), rules.general.utc_offset); }
  // The real time of a change.
  Timestamp real_now() const { return real_clock != nullptr ? real_clock->now() : clock.now(); }
  // Whether business time was set apart from the real clock (--today).
  bool business_time_set() const { return real_clock != nullptr && real_clock != &clock; }
};

}  // namespace aftersales
