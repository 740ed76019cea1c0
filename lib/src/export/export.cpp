// Exports: the request's dates made into a span, then the store's export query (store/
// export_store.h) row by row.
#include "aftersales/export/export.h"

#include <fmt/format.h>

#include "aftersales/core/error.h"
#include "aftersales/core/text.h"
#include "aftersales/store/store.h"

namespace aftersales {
namespace {

std::string entity_list() {
  std::string text;
  for (const ExportEntity& entity : export_entities()) {
    text += fmt::format("\n  {:<16} {}", entity.name, entity.description);
  }
  return text;
}

}  // namespace

std::vector<Column> export_header(const std::string& entity) {
  if (std::optional<std::vector<Column>> columns = export_columns(entity)) return *columns;
  throw Error(ErrorCode::kUsage,
              entity.empty() ? std::string("export what? name an entity")
                             : fmt::format("cannot export \"{}\": no such entity", entity),
              "export one of:" + entity_list() +
                  "\nfor example `aftersales export tickets "
                  "--month 2026-11 -o tickets.csv`");
}

ExportSpan export_span(const ExportRequest& request, UtcOffset zone) {
  ExportSpan span;
  if (request.month) {
    const std::string month = trim(*request.month);
    const std::optional<Date> first = parse_date(month + "-01");
    if (!first || month.size() != 7) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("--month: cannot read \"{}\" as a month", *request.month),
                  "write YYYY-MM, like 2026-11");
    }
    const int next_year = first->month() == 12 ? first->year() + 1 : first->year();
    const int next_month = first->month() == 12 ? 1 : first->month() + 1;
    const Date next = Date::from_ymd(next_year, next_month, 1);
    span.from_date = *first;
    span.to_date = next;
  }
  if (request.since) {
    const std::optional<Date> since = parse_date(trim(*request.since));
    if (!since) {
      throw Error(ErrorCode::kInvalidInput,
                  fmt::format("--since: cannot read \"{}\" as a date", *request.since),
                  "write YYYY-MM-DD, like 2026-11-01 (the day itself is included)");
    }
    if (!span.from_date || *span.from_date < *since) span.from_date = *since;
  }
  if (span.from_date) span.from_time = start_of_day(*span.from_date, zone);
  if (span.to_date) span.to_time = start_of_day(*span.to_date, zone);
  return span;
}

void export_rows(Context& ctx, const ExportRequest& request,
                 const std::function<void(const std::vector<Cell>&)>& visit) {
  export_header(request.entity);  // the list of entities for an unknown one
  const UtcOffset zone = ctx.rules.general.utc_offset;
  ctx.store.exports().each_row(request.entity, export_span(request, zone), zone, visit);
}

}  // namespace aftersales
