// The port of the follow-up visits (表2) and of the ledger facts their due dates come from
// (units shipped, key customers, major warranty repairs). Engine failures throw
// Error(kStorageUnavailable).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "aftersales/core/time.h"
#include "aftersales/visits/visit.h"

namespace aftersales {

// Narrows the sources and visits read: only those of a unit and/or a customer.
struct VisitScope {
  std::optional<std::string> serial;
  std::optional<std::string> customer;  // a unit's current owner, or a visit's customer
  std::optional<Date> from;             // visits only: visited_on >= from
  std::optional<Date> to;               // visits only: visited_on <= to
};

// A unit as its visits need it: owner, ship date and its model's maintenance interval.
struct VisitUnit {
  std::string serial;
  std::string customer;
  Date shipped_on;
  std::optional<int> maintenance_days;
};

// A key customer (大客户) and the day its first unit shipped (nullopt: none yet).
struct VisitKeyCustomer {
  std::string code;
  std::optional<Date> first_shipped_on;
};

// A ticket whose work record made a follow-up visit due (major warranty repair).
struct VisitRepair {
  std::string ticket;
  std::string serial;
  std::string customer;  // the unit's current owner
  Timestamp finished_at;
  Date visit_due_on;
};

// The visits made in a span of days counted in SQL for 表10 (reports/satisfaction_report.h): all,
// new-unit (shipment) and after-sales (repair) ones, the forms filled in (with scores) and, per
// dimension in 表2 order, the scores at or above the satisfied minimum.
struct VisitFormCounts {
  std::int64_t visits = 0;
  std::int64_t new_unit_visits = 0;
  std::int64_t repair_visits = 0;
  std::int64_t forms = 0;
  std::array<std::int64_t, 5> satisfied{};  // 结构性能, 外观质量, 交货日期, 产品价格, 售后服务
};

class VisitStore {
 public:
  virtual ~VisitStore() = default;

  // Sets visit.id. A second visit settling the same (reason, key) throws Error(kConflict).
  virtual void insert(Visit& visit) = 0;
  // Removes a visit an import added (a revert).
  virtual void remove(const std::string& number) = 0;
  virtual std::optional<Visit> find(const std::string& number) = 0;
  // The visit that settled due visit (reason, key), if any.
  virtual std::optional<Visit> find_settling(VisitReason reason, const std::string& key) = 0;
  // Visits in scope, by visited_at then number.
  virtual void each(const VisitScope& scope, const std::function<void(const Visit&)>& visit) = 0;
  // The visits whose local day is from `from` to `to` (both included), counted on the
  // visited_on index; a score counts as satisfied at `satisfied_min` or more.
  virtual VisitFormCounts count_forms(Date from, Date to, int satisfied_min) = 0;

  // Units in scope (serial, customer), by serial.
  virtual void each_unit(const VisitScope& scope,
                         const std::function<void(const VisitUnit&)>& visit) = 0;
  // Key customers in scope (customer; a serial names its owner), by code.
  virtual void each_key_customer(const VisitScope& scope,
                                 const std::function<void(const VisitKeyCustomer&)>& visit) = 0;
  // Tickets with a follow-up visit due (visit_due_on set) in scope, due in [due_from, due_to]
  // where given, by ticket number.
  virtual void each_repair(const VisitScope& scope, std::optional<Date> due_from,
                           std::optional<Date> due_to,
                           const std::function<void(const VisitRepair&)>& visit) = 0;
};

}  // namespace aftersales
