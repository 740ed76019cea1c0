// How parts read on screen and in files: the catalogue with stock, one part whole, stock levels.
#pragma once

#include "aftersales/io/render.h"
#include "aftersales/io/table.h"
#include "aftersales/parts/gate_passes.h"
#include "aftersales/parts/issue_requests.h"
#include "aftersales/parts/parts.h"
#include "aftersales/rules/rules.h"

namespace aftersales::cli {

// The columns of `part list`, and one row per part with its stock over all warehouses.
Table part_table();
void add_part_row(Table& table, const Part& part, std::int64_t on_hand);

// The columns of `part stock`, and one row per part and warehouse.
Table stock_table();
void add_stock_row(Table& table, const StockLevel& level);

// `part show`: the part's fields, its stock per warehouse and its latest moves.
RecordView part_view(const PartView& view, const Rules& rules);

// The one line a move leaves on stderr: "part P-1: received 5 into main (on hand 12)".
std::string move_text(const StockMove& move);

// `part requests`: one row per warranty issue request (表11), its lines as "PART×QTY" joined.
Table issue_table(const std::vector<IssueRequest>& requests, UtcOffset zone);

// `gatepass list`: one row per gate pass (出门证) with its approval's state and waiting role.
Table gate_pass_table(const std::vector<GatePassView>& passes, UtcOffset zone);

// `gatepass show`: the pass, what leaves, its value and its approval's signatures.
RecordView gate_pass_view(const GatePassView& view, UtcOffset zone);

}  // namespace aftersales::cli
