// The parts' port to storage: the catalogue (备件) and the stock moves. Stock is the sum of the
// moves; the store never refuses a move for the balance (the core checks it in the same write
// transaction). Engine failures throw Error(kStorageUnavailable).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/parts/part.h"

namespace aftersales {

struct StockFilter {
  std::optional<std::string> part;       // part no.
  std::optional<std::string> warehouse;  // exact
};

class PartStore {
 public:
  virtual ~PartStore() = default;

  virtual std::optional<Part> find(const std::string& number) = 0;
  // Every part in number order with its stock summed over the warehouses, one at a time
  // (memory does not grow with the catalogue).
  virtual void each(const std::function<void(const Part&, std::int64_t on_hand)>& visit) = 0;
  // A duplicate number throws Error(kConflict). Sets part.id.
  virtual void insert(Part& part) = 0;
  virtual void update(const Part& part) = 0;
  // Removes a part an import added (a revert); Error(kRuleViolation) when stock moves, parts
  // used or returns refer to it.
  virtual void remove(const std::string& number) = 0;

  // The part's stock in the warehouse: the sum of its moves (0 without any).
  virtual std::int64_t on_hand(std::int64_t part_id, const std::string& warehouse) = 0;
  // Sets move.id.
  virtual void insert_move(StockMove& move) = 0;
  // One move by id (none when missing); the newest move of the part in the warehouse.
  virtual std::optional<StockMove> find_move(std::int64_t id) = 0;
  virtual std::optional<StockMove> last_move(const std::string& part,
                                             const std::string& warehouse) = 0;
  // Removes a move an import wrote (a revert of opening stock); the caller checks that nothing
  // moved the part in that warehouse since.
  virtual void remove_move(std::int64_t id) = 0;
  // Stock per part and warehouse, in part number and warehouse order, rows with moves only.
  virtual void each_level(const StockFilter& filter,
                          const std::function<void(const StockLevel&)>& visit) = 0;
  // Moves, newest first, at most `limit`.
  virtual std::vector<StockMove> moves(const StockFilter& filter, int limit) = 0;
};

}  // namespace aftersales
