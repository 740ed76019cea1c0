// What a sale lacks before it may ship, step by step (private to lib/src).
#pragma once

#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/parts/sale.h"

namespace aftersales {

struct SaleGap {
  std::string stage;  // a few words for lists: "awaiting deposit", "awaiting credit approval"
  std::string text;   // the sentence naming the rule and what would satisfy it
};

// In the order of the steps: a large order's contract, deposit, purchase plan approved and
// received; then payment in full or the GM's credit approval (赊销). A shipped sale has one gap,
// "shipped". Empty: it may ship.
std::vector<SaleGap> sale_gaps(Context& ctx, const PartSale& sale);

}  // namespace aftersales
