// The one way stock moves (private to lib/src): every area that takes parts in or out (receive,
// adjust, 表11 issues, 表12 returns, shipments) calls move_stock inside its write transaction.
#pragma once

#include <cstdint>
#include <string>

#include "aftersales/core/context.h"
#include "aftersales/parts/part.h"

namespace aftersales {

// Writes one audited move of `quantity` (signed, not 0) of `part` in `warehouse`. A move out
// that would take the stock below zero is refused with Error(kRuleViolation) naming the part,
// the warehouse, what is on hand and what was asked; nothing is written. Call inside
// Store::write().
StockMove move_stock(Context& ctx, const Part& part, const std::string& warehouse, MoveKind kind,
                     std::int64_t quantity, const std::string& reference,
                     const std::string& reason);

}  // namespace aftersales
