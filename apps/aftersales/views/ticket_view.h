// How tickets read on screen and in files: the service request (表3) with its cost lines (表5),
// approvals (表4, 表5), SLA, work record (表6) and history; the ticket list; the progress line a
// change prints.
#pragma once

#include <string>
#include <vector>

#include "aftersales/io/table.h"
#include "aftersales/rules/rules.h"
#include "aftersales/tickets/tickets.h"

namespace aftersales::cli {

// Everything `ticket show` prints: the fields of 表3, then the tables lines, approvals,
// requirements, pauses, work_record, next_steps and history. Times in the rules' zone.
RecordView ticket_view(const TicketView& view, const Rules& rules);

// One row per ticket of `ticket list`, with its SLA status. Times in `zone`.
Table ticket_table(const std::vector<TicketSummary>& tickets, UtcOffset zone);
// The same, streamed: the columns, and one ticket's row; fill_ticket_row writes it over `row`,
// reusing its cells' memory (`ticket list` fills one row per ticket of the ledger).
std::vector<Column> ticket_columns();
std::vector<Cell> ticket_row(const TicketSummary& summary, UtcOffset zone);
void fill_ticket_row(std::vector<Cell>& row, const TicketSummary& summary, UtcOffset zone);

// What the ticket waits for after a change: `waiting for 表4 approval 3 by sales_manager`, or
// `next: start, cancel` when no approval is pending; empty when neither.
std::string progress_text(const TicketView& view);

// One line per approval a change of costs voided: `voided 表5 approval 3 (pending, 2 of 3
// signatures)`.
std::vector<std::string> voided_text(const std::vector<Approval>& voided);

}  // namespace aftersales::cli
