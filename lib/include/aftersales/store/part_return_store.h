// The port of the parts used on work records (表6) and the returns they owe (表12). Engine
// failures throw Error(kStorageUnavailable).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/parts/returns.h"
#include "aftersales/tickets/ticket.h"

namespace aftersales {

class PartReturnStore {
 public:
  virtual ~PartReturnStore() = default;

  // The parts used of the ticket's current work record, in part number order.
  virtual std::vector<PartUsed> parts_used(std::int64_t ticket_id) = 0;
  // Replaces them (a corrected record replaces the lot).
  virtual void replace_parts_used(std::int64_t ticket_id, const std::vector<PartUsed>& parts) = 0;

  // The return lines of a ticket, in line order.
  virtual std::vector<PartReturn> returns_of(std::int64_t ticket_id) = 0;
  virtual std::optional<PartReturn> find_return(std::int64_t id) = 0;
  virtual std::optional<PartReturn> find_return_by_number(const std::string& number) = 0;
  // Every line, in line order, one at a time.
  virtual void each_return(const std::function<void(const PartReturn&)>& visit) = 0;
  // The lines owed on or before `owed_by` that had not come back by `as_of` (not received, or
  // received after it), in line order, one at a time: the overdue returns of a past day.
  virtual void each_return_out(Date owed_by, Date as_of,
                               const std::function<void(const PartReturn&)>& visit) = 0;
  // The lines marked wrong that came back in [from, to].
  virtual std::int64_t count_wrong_received(Date from, Date to) = 0;
  // Sets line.id. One line per ticket and part.
  virtual void insert_return(std::int64_t ticket_id, PartReturn& line) = 0;
  // Writes quantity, owed since, received, number, wrong, inspection and move of line.id.
  virtual void update_return(const PartReturn& line) = 0;
  virtual void remove_return(std::int64_t id) = 0;
  // The next RT- number of `year` (1, 2, ...), never reused.
  virtual std::int64_t next_return_number(int year) = 0;
};

}  // namespace aftersales
