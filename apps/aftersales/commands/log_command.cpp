// aftersales log [--entity --id --since]: the audit trail.
#include <fmt/format.h>

#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "commands/registry.h"
#include "commands/verb.h"

namespace aftersales::cli {
namespace {

struct LogRequest {
  std::optional<std::string> entity, id, since;
};

// --since as a date (from the start of that local day) or an ISO 8601 time.
Timestamp since_time(const std::string& since, UtcOffset zone) {
  std::string why;
  if (auto date = parse_date(since)) return start_of_day(*date, zone);
  if (auto at = parse_timestamp(since, zone, &why)) return *at;
  throw Error(ErrorCode::kInvalidInput,
              fmt::format("--since: cannot read \"{}\" as a date or time: {}", since, why),
              "write a date like 2026-11-01 or a time like 2026-11-01T08:00");
}

}  // namespace

void attach_log(CLI::App& family, Session& session) {
  example(family, "aftersales log --entity unit --id 2023-001 --since 2026-11-01");
  define_command<LogRequest>(
      family, session, StoreUse::kReads,
      [](CLI::App& command, LogRequest& r) {
        command.add_option("--entity", r.entity, "customer, model, unit, ...");
        command.add_option("--id", r.id, "the record's code or number");
        command.add_option("--since", r.since, "from this date (local) or ISO 8601 time on");
      },
      [](Session& s, const LogRequest& r) {
        Context& ctx = s.context();
        const UtcOffset zone = ctx.rules.general.utc_offset;
        AuditQuery query;
        query.entity = r.entity;
        query.entity_id = r.id;
        if (r.since) query.since = since_time(*r.since, zone);
        // `at` is the real time of the change; `business_at` the time it was made as of, when
        // --today set one apart (issue 8: the audit trail cannot be backdated).
        const std::vector<Column> columns = {
            {"id", "", ColumnKind::kNumber},   {"at", "", ColumnKind::kTime},
            {"actor", "", ColumnKind::kText},  {"login", "", ColumnKind::kText},
            {"entity", "", ColumnKind::kText}, {"entity_id", "entity id", ColumnKind::kText},
            {"action", "", ColumnKind::kText}, {"before", "", ColumnKind::kJson},
            {"after", "", ColumnKind::kJson},  {"business_at", "business time", ColumnKind::kTime}};
        s.emit_rows(columns, [&](RowWriter& rows) {
          each_audit_entry(ctx, query, [&](const AuditEntry& e) {
            rows.row({e.id, format_timestamp(e.at, zone), e.actor, e.login, e.entity, e.entity_id,
                      e.action, e.before, e.after,
                      e.business_at ? Cell{format_timestamp(*e.business_at, zone)} : Cell{}});
          });
        });
      });
}

}  // namespace aftersales::cli
