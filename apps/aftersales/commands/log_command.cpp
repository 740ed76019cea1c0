// aftersales log [--entity --id --since]: the audit trail.
#include <fmt/format.h>

#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "commands/registry.h"

namespace aftersales::cli {

void attach_log(CLI::App& family, Session& session) {
  struct LogRequest {
    std::optional<std::string> entity, id, since;
  };
  auto request = std::make_shared<LogRequest>();
  example(family, "aftersales log --entity unit --id 2023-001 --since 2026-11-01");
  family.add_option("--entity", request->entity, "customer, model, unit, ...");
  family.add_option("--id", request->id, "the record's code or number");
  family.add_option("--since", request->since, "from this date (local) or ISO 8601 time on");
  family.callback([&session, request] {
    session.run = [&session, request] {
      Context& ctx = session.context();
      const UtcOffset zone = ctx.rules.general.utc_offset;
      AuditQuery query;
      query.entity = request->entity;
      query.entity_id = request->id;
      if (request->since) {
        std::string why;
        if (auto date = parse_date(*request->since)) {
          query.since = start_of_day(*date, zone);
        } else if (auto at = parse_timestamp(*request->since, zone, &why)) {
          query.since = *at;
        } else {
          throw Error(ErrorCode::kInvalidInput,
                      fmt::format("--since: cannot read \"{}\" as a date or time: {}",
                                  *request->since, why),
                      "write a date like 2026-11-01 or a time like 2026-11-01T08:00");
        }
      }
      Table table;
      table.columns = {{"id", ""},     {"at", ""},     {"actor", ""},
                       {"login", ""},  {"entity", ""}, {"entity_id", "entity id"},
                       {"action", ""}, {"before", ""}, {"after", ""}};
      for (const AuditEntry& e : audit_log(ctx, query)) {
        table.add_row({e.id, format_timestamp(e.at, zone), e.actor, e.login, e.entity, e.entity_id,
                       e.action, e.before, e.after});
      }
      session.emit(table);
      return 0;
    };
  });
}

}  // namespace aftersales::cli
