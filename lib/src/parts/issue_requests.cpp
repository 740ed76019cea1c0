// Warranty issue requests (表11 备件出库申请单 with its 备件领料单): who may ask, for which ticket,
// and the approval they raise.
#include "aftersales/parts/issue_requests.h"

#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/identity/identity.h"
#include "aftersales/parts/parts.h"
#include "aftersales/store/store.h"
#include "aftersales/tickets/ticket_forms.h"
#include "aftersales/tickets/ticket_rules.h"
#include "aftersales/tickets/tickets.h"
#include "approvals/approval_requests.h"
#include "audit/audit_json.h"

namespace aftersales {
namespace {

constexpr std::int64_t kMaxQuantity = 1'000'000;

AuditJson lines_json(const std::vector<IssueLine>& lines) {
  AuditJson all = AuditJson::array();
  for (const IssueLine& line : lines) {
    all.push_back(AuditJson{
        {"part", line.part}, {"quantity", line.quantity}, {"unit_price_fen", line.unit_price.fen}});
  }
  return all;
}

// "PARTNO:QTY" lines against the catalogue, at each part's unit price now.
std::vector<IssueLine> read_lines(Context& ctx, FieldReader& reader,
                                  const std::vector<std::string>& texts) {
  std::vector<IssueLine> lines;
  if (texts.empty()) reader.add("line", "", "is missing; give at least one --line PARTNO:QTY");
  for (const std::string& text : texts) {
    const std::string line_text = trim(text);
    const std::size_t colon = line_text.rfind(':');
    if (colon == std::string::npos || colon == 0) {
      reader.add("line", text, "is not PARTNO:QTY; write e.g. HP-100:2");
      continue;
    }
    const std::string number = trim(line_text.substr(0, colon));
    const std::optional<std::int64_t> quantity =
        reader.integer("line", trim(line_text.substr(colon + 1)), 1, kMaxQuantity);
    if (!quantity) continue;
    const Part part = get_part(ctx, number);  // Error(kNotFound) names it
    IssueLine line;
    line.part = part.number;
    line.name = part.name;
    line.quantity = *quantity;
    line.unit_price = part.unit_price;
    lines.push_back(std::move(line));
  }
  return lines;
}

// 确属产品质量问题: the analysis claims a quality defect and tech_dept did not decline it, or
// tech_dept confirmed it.
bool fault_is_quality_problem(const Ticket& ticket) {
  if (ticket.quality_confirmed) return *ticket.quality_confirmed;
  return ticket.quality_claim;
}

void require_quality_problem(const Ticket& ticket) {
  if (fault_is_quality_problem(ticket)) return;
  const bool declined = ticket.quality_confirmed.has_value() && !*ticket.quality_confirmed;
  throw Error(
      ErrorCode::kRuleViolation,
      fmt::format("refused: a warranty issue (表11) needs a ticket whose fault is a quality "
                  "problem (确属产品质量问题); {} {}",
                  ticket.number,
                  declined ? "was declined as a quality defect by the technical department"
                           : "is not analysed as a quality defect"),
      declined ? "a part for this repair is sold or taken from the ticket's own costs"
               : fmt::format("analyse it as one (`aftersales ticket analyse {} --text ... "
                             "--quality-defect`) and have tech_dept confirm it",
                             ticket.number));
}

// 表5 first: where the ticket's warranty cost is over budget_threshold, its budget is approved.
void require_budget(Context& ctx, const Ticket& ticket) {
  const Money warranty = warranty_total(ctx.store.tickets().cost_lines(ticket.id));
  if (!requires_budget_approval(ctx.rules, warranty)) return;
  const std::optional<Approval> budget =
      current_approval(ctx, ticket_subject(ticket.number), ticket_form::kBudget);
  if (budget && budget->state == ApprovalState::kApproved) return;
  const ApprovalChain& chain = budget ? budget->chain : ctx.rules.approvals.budget;
  throw Error(
      ErrorCode::kRuleViolation,
      fmt::format(
          "refused: {}'s warranty cost {} is over {} and its budget approval (表5) from "
          "{} comes before a warranty issue (表11); {} of {} given{}",
          ticket.number, format_money(warranty), format_money(ctx.rules.approvals.budget_threshold),
          fmt::join(chain, ", "),
          budget && budget->state == ApprovalState::kPending ? budget->signatures.size() : 0,
          chain.size(),
          budget ? fmt::format(" (approval {}, {})", budget->id, approval_state_name(budget->state))
                 : std::string()),
      "`aftersales approval list --pending` shows who must sign it");
}

void require_open(const Ticket& ticket) {
  if (ticket.state != TicketState::kClosed && ticket.state != TicketState::kCancelled &&
      ticket.state != TicketState::kResolved) {
    return;
  }
  throw Error(ErrorCode::kRuleViolation,
              fmt::format("refused: ticket {} is {}; parts are issued for an open ticket",
                          ticket.number, state_name(ticket.state)),
              "`aftersales ticket show " + ticket.number + "` shows it");
}

}  // namespace

const char* issue_state_name(IssueState state) {
  switch (state) {
    case IssueState::kRequested:
      return "requested";
    case IssueState::kApproved:
      return "approved";
    case IssueState::kRejected:
      return "rejected";
    case IssueState::kShipped:
      return "shipped";
  }
  return "requested";
}

std::optional<IssueState> parse_issue_state(const std::string& name) {
  for (IssueState state : {IssueState::kRequested, IssueState::kApproved, IssueState::kRejected,
                           IssueState::kShipped}) {
    if (name == issue_state_name(state)) return state;
  }
  return std::nullopt;
}

Money IssueRequest::value() const {
  Money total;
  for (const IssueLine& line : lines) total = total + line.amount();
  return total;
}

IssueRequest request_issue(Context& ctx, const IssueRequestFields& fields) {
  require_role(ctx, ctx.rules.permissions.parts_request, "requesting a warranty issue (表11)");
  IssueRequest request;
  ctx.store.write([&] {
    const Ticket ticket = get_ticket(ctx, trim(fields.ticket));
    FieldReader reader;
    request.lines = read_lines(ctx, reader, fields.lines);
    request.warehouse = fields.warehouse ? reader.text("warehouse", *fields.warehouse, true)
                                         : ctx.rules.parts.default_warehouse;
    reader.throw_if_any("warranty issue (表11) for " + ticket.number);
    require_open(ticket);
    require_quality_problem(ticket);
    require_budget(ctx, ticket);

    const int year = ctx.today().year();
    request.number =
        fmt::format("PI-{:04}-{:06}", year, ctx.store.shipments().next_number_in_year("PI", year));
    request.ticket = ticket.number;
    request.requested_by = ctx.actor.user;
    request.requested_at = ctx.now();
    ctx.store.shipments().insert_issue(request);
    record_addition(ctx, "part_issue", request.number,
                    AuditJson{{"ticket", request.ticket},
                              {"warehouse", request.warehouse},
                              {"state", issue_state_name(request.state)},
                              {"lines", lines_json(request.lines)}});
    raise_approval(ctx, part_issue_form::kKey, issue_subject(request.number),
                   ctx.rules.approvals.part_issue,
                   fmt::format("warranty issue for {}: {} line(s), value {}", ticket.number,
                               request.lines.size(), format_money(request.value())),
                   request.value());
  });
  return request;
}

IssueRequest get_issue_request(Context& ctx, const std::string& number) {
  if (std::optional<IssueRequest> found = ctx.store.shipments().find_issue(trim(number))) {
    return *found;
  }
  throw Error(ErrorCode::kNotFound, fmt::format("part issue request {} does not exist", number),
              "`aftersales part requests` lists them");
}

std::vector<IssueRequest> list_issue_requests(Context& ctx,
                                              const std::optional<std::string>& ticket) {
  std::optional<std::string> number;
  if (ticket) number = get_ticket(ctx, trim(*ticket)).number;
  return ctx.store.shipments().list_issues(number);
}

std::vector<CostLine> ticket_freight(Context& ctx, const std::string& ticket) {
  std::vector<CostLine> lines;
  for (const IssueRequest& request : ctx.store.shipments().list_issues(trim(ticket))) {
    if (request.state != IssueState::kShipped || !request.freight) continue;
    CostLine line;
    line.kind = CostKind::kTravel;
    line.description = fmt::format("freight 运费 (表11 {})", request.number);
    line.unit_price = *request.freight;
    line.amount = *request.freight;
    line.coverage = Coverage::kWarranty;
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace aftersales
