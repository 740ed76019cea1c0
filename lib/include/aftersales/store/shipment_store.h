// The port to storage of what leaves the factory: warranty issue requests (表11 with their
// 备件领料单 lines) and gate passes (出门证). Reads return nothing for a missing key; inserts set
// the record's id. Engine failures throw Error(kStorageUnavailable).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/time.h"
#include "aftersales/parts/gate_passes.h"
#include "aftersales/parts/issue_requests.h"

namespace aftersales {

class ShipmentStore {
 public:
  virtual ~ShipmentStore() = default;

  // 1, 2, ... per series ("PI", "GP", ...) and year, never the same twice (inside a write).
  virtual std::int64_t next_number_in_year(const std::string& series, int year) = 0;

  virtual std::optional<IssueRequest> find_issue(const std::string& number) = 0;
  // In id order; with `ticket`, only that ticket's.
  virtual std::vector<IssueRequest> list_issues(const std::optional<std::string>& ticket) = 0;
  // Inserts the request and its lines (the ticket and parts by number). Sets request.id.
  virtual void insert_issue(IssueRequest& request) = 0;
  // Saves state, freight and shipping.
  virtual void update_issue(const IssueRequest& request) = 0;

  // A second pass for one subject throws Error(kConflict). Sets pass.id.
  virtual void insert_gate_pass(GatePass& pass) = 0;
  virtual std::optional<GatePass> find_gate_pass(const GatePassSubject& subject) = 0;
  virtual std::optional<GatePass> find_gate_pass_by_number(const std::string& number) = 0;
  virtual std::vector<GatePass> list_gate_passes() = 0;  // by number
  // The part lines that left the factory in [from, to): lines of 表11 requests and of part
  // sales shipped then (配件出货正确率's denominator), counted in SQL.
  virtual std::int64_t lines_shipped(Timestamp from, Timestamp to) = 0;
};

}  // namespace aftersales
