// Parts used on the work record (表6), private to lib/src: read by `ticket record --part` and
// filed with the record (record_work in tickets/service.cpp).
#pragma once

#include <string>
#include <vector>

#include "aftersales/core/context.h"
#include "aftersales/tickets/ticket.h"

namespace aftersales {

// Reads "PARTNO:QTY" texts (a whole quantity over 0) into parts used at the catalogue's unit
// price and major flag, in the order first named; a part named twice is summed. Throws
// Error(kInvalidInput) listing every malformed text, Error(kNotFound) for a part not in the
// catalogue. Call inside Store::write().
std::vector<PartUsed> read_parts_used(Context& ctx, const std::vector<std::string>& texts,
                                      const std::string& subject);

// Files `record`'s parts used for `ticket` (inside the record's write transaction), replacing
// those of an earlier version:
// - keeps them with the record;
// - a major part (重要部件) goes into the unit's archive as a part_replacement note (重要部件更换
//   记载, "更换 HP-100 液压泵 x1 (SR-2026-000001)") unless that very note is there already, so a
//   correction filing the same parts adds nothing (a note of an earlier version stays: the
//   archive is a history);
// - a part over [parts] return_over owes a return (表12) from the record's finish: the lines
//   not yet back follow the record (quantity, owed since; a part no longer used owes nothing),
//   those back already stay as they came back.
// It does not move stock: a warranty repair's parts left the warehouse by their 表11 issue and
// shipment (the issue moves the stock then); recording them used would take them out twice.
void file_parts_used(Context& ctx, const Ticket& ticket, const WorkRecord& record);

}  // namespace aftersales
