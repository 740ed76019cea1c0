// SQL of tickets (表3), their cost lines, pauses and work records (表6).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "aftersales/core/error.h"
#include "store/sql_removal.h"
#include "store/sql_search_index.h"
#include "store/sql_stores.h"

namespace aftersales::store {
namespace {

#define AFTERSALES_TICKET_SELECT_COLUMNS                                                  \
  "SELECT t.id, t.number, u.serial, c.code, t.channel, t.category, t.description, "       \
  "t.reported_at, t.km, t.coverage, t.coverage_reason, t.priority, t.due_at, t.state, "   \
  "t.resume_state, t.assignee, t.analysis, t.needs_factory, t.quality_claim, "            \
  "t.quality_confirmed, t.waiver_requested, t.waiver_reason, t.free_repair, t.itemised, " \
  "t.contract_no, t.returned_reason, t.cancel_reason, t.visit_due_on, t.opened_by, "      \
  "t.advice "
#define AFTERSALES_TICKET_SELECT_FROM \
  "FROM ticket t JOIN unit u ON u.id = t.unit_id JOIN customer c ON c.id = t.customer_id "
#define AFTERSALES_TICKET_SELECT AFTERSALES_TICKET_SELECT_COLUMNS AFTERSALES_TICKET_SELECT_FROM

// ?1..?17 as bind_ticket_state binds them, then the intake fields.
#define AFTERSALES_TICKET_INSERT                                                            \
  "INSERT INTO ticket (state, resume_state, assignee, analysis, needs_factory, "            \
  "quality_claim, quality_confirmed, waiver_requested, waiver_reason, free_repair, "        \
  "itemised, contract_no, returned_reason, cancel_reason, visit_due_on, priority, due_at, " \
  "number, unit_id, customer_id, channel, category, description, reported_at, km, "         \
  "coverage, coverage_reason, opened_by, batch_id) "                                        \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "    \
  "?18, (SELECT id FROM unit WHERE serial = ?19), (SELECT id FROM customer WHERE code = "   \
  "?20), ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29) "

TicketState state_column(Statement& row, int column) {
  return parse_state(row.text(column)).value_or(TicketState::kRegistered);
}

// Reads the row into `t`, every field of it: the text goes into t's strings, so that a list
// reading row after row into the same Ticket reuses their memory.
void read_ticket_into(Statement& row, Ticket& t) {
  t.id = row.int64(0);
  t.number.assign(row.text_view(1));
  t.serial.assign(row.text_view(2));
  t.customer_code.assign(row.text_view(3));
  t.channel.assign(row.text_view(4));
  t.category.assign(row.text_view(5));
  t.description.assign(row.text_view(6));
  t.reported_at = Timestamp{row.int64(7)};
  t.km = optional_column<std::int64_t>(row, 8);
  t.coverage = parse_coverage(row.text(9)).value_or(Coverage::kPaid);
  t.coverage_reason.assign(row.text_view(10));
  t.priority.assign(row.text_view(11));
  t.due_at = Timestamp{row.int64(12)};
  t.state = state_column(row, 13);
  t.resume_state = state_column(row, 14);
  t.assignee.assign(row.text_view(15));
  t.analysis.assign(row.text_view(16));
  t.needs_factory = flag_column(row, 17);
  t.quality_claim = flag_column(row, 18);
  t.quality_confirmed.reset();
  if (!row.is_null(19)) t.quality_confirmed = flag_column(row, 19);
  t.waiver_requested = flag_column(row, 20);
  t.waiver_reason.assign(row.text_view(21));
  t.free_repair = flag_column(row, 22);
  t.itemised = flag_column(row, 23);
  t.contract_no.assign(row.text_view(24));
  t.returned_reason.assign(row.text_view(25));
  t.cancel_reason.assign(row.text_view(26));
  t.visit_due_on = date_column(row, 27);
  t.opened_by.assign(row.text_view(28));
  t.advice.assign(row.text_view(29));
}

Ticket read_ticket(Statement& row) {
  Ticket t;
  read_ticket_into(row, t);
  return t;
}

// The part of `rest` before the next `separator` (all of it when there is none); `rest` keeps
// what follows.
std::string_view next_piece(std::string_view& rest, char separator) {
  const std::size_t end = std::min(rest.find(separator), rest.size());
  const std::string_view piece = rest.substr(0, end);
  rest.remove_prefix(std::min(end + 1, rest.size()));
  return piece;
}

std::int64_t integer_of(std::string_view text) {
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// A ticket's pauses from the list's `from,to,id;...` (`to` empty while paused), oldest first.
// They are sorted here: an ORDER BY in the correlated subquery had SQLite build a sorter for
// every ticket listed, most of which have no pause.
void read_pauses(std::string_view spans, std::vector<Pause>& pauses) {
  struct Span {
    std::int64_t from;
    std::int64_t id;
    std::optional<std::int64_t> to;
  };
  std::vector<Span> read;
  while (!spans.empty()) {
    std::string_view fields = next_piece(spans, ';');
    Span span{};
    span.from = integer_of(next_piece(fields, ','));
    const std::string_view to = next_piece(fields, ',');
    if (!to.empty()) span.to = integer_of(to);
    span.id = integer_of(next_piece(fields, ','));
    read.push_back(span);
  }
  std::sort(read.begin(), read.end(), [](const Span& a, const Span& b) {
    return a.from != b.from ? a.from < b.from : a.id < b.id;
  });
  for (const Span& span : read) {
    Pause pause;
    pause.from = Timestamp{span.from};
    if (span.to) pause.to = Timestamp{*span.to};
    pauses.push_back(std::move(pause));
  }
}

// Binds the ticket's changeable fields to ?1..?17 (the order of the update).
void bind_ticket_state(Statement& s, const Ticket& t) {
  bind_ticket_work(s, t);
  s.bind(16, t.priority);
  s.bind(17, t.due_at.seconds);
}

// Cost lines (estimated or actual) from a SELECT of kind, description, quantity_milli,
// unit_price_fen, amount_fen, coverage with the ticket id as ?1.
std::vector<CostLine> read_lines(Statement& query, std::int64_t ticket_id) {
  query.bind(1, ticket_id);
  std::vector<CostLine> lines;
  while (query.step()) {
    CostLine line;
    line.kind = parse_cost_kind(query.text(0)).value_or(CostKind::kWork);
    line.description = query.text(1);
    line.quantity_milli = query.int64(2);
    line.unit_price = Money{query.int64(3)};
    line.amount = Money{query.int64(4)};
    line.coverage = parse_coverage(query.text(5)).value_or(Coverage::kPaid);
    lines.push_back(std::move(line));
  }
  return lines;
}

// Replaces a ticket's lines: `remove` deletes them (?1 the ticket), `insert` takes ticket,
// position, kind, description, quantity_milli, unit_price_fen, amount_fen, coverage.
void write_lines(Statement& remove, Statement& insert, std::int64_t ticket_id,
                 const std::vector<CostLine>& lines) {
  remove.bind(1, ticket_id);
  remove.run();
  int position = 0;
  for (const CostLine& line : lines) {
    insert.reset();
    insert.bind(1, ticket_id);
    insert.bind(2, ++position);
    insert.bind(3, cost_kind_name(line.kind));
    insert.bind(4, line.description);
    insert.bind(5, line.quantity_milli);
    insert.bind(6, line.unit_price.fen);
    insert.bind(7, line.amount.fen);
    insert.bind(8, coverage_name(line.coverage));
    insert.run();
  }
}

// The columns of a work record as work_record and work_record_version hold them.
#define AFTERSALES_RECORD_COLUMNS                                                     \
  "technicians, arrived_at, finished_at, work_done, labour_hours_centi, travel_fen, " \
  "signed_by, signed_at, sealed, km, version"

// Reads the AFTERSALES_RECORD_COLUMNS from column `first` on.
WorkRecord read_record(Statement& row, int first) {
  WorkRecord r;
  const auto names = nlohmann::json::parse(row.text(first), nullptr, false);
  if (names.is_array()) {
    for (const auto& name : names) {
      if (name.is_string()) r.technicians.push_back(name.get<std::string>());
    }
  }
  r.arrived = Timestamp{row.int64(first + 1)};
  r.finished = Timestamp{row.int64(first + 2)};
  r.work_done = row.text(first + 3);
  r.labour_hours_centi = optional_column<std::int64_t>(row, first + 4);
  if (!row.is_null(first + 5)) r.travel = Money{row.int64(first + 5)};
  r.signed_by = row.text(first + 6);
  r.signed_at = Timestamp{row.int64(first + 7)};
  r.sealed = flag_column(row, first + 8);
  r.km = optional_column<std::int64_t>(row, first + 9);
  r.version = static_cast<int>(row.int64(first + 10));
  return r;
}

// Binds the ticket as ?1 and the AFTERSALES_RECORD_COLUMNS as ?2..?12.
void bind_record(Statement& s, std::int64_t ticket_id, const WorkRecord& record) {
  s.bind(1, ticket_id);
  s.bind(2, nlohmann::json(record.technicians).dump());
  s.bind(3, record.arrived.seconds);
  s.bind(4, record.finished.seconds);
  s.bind(5, record.work_done);
  bind_optional(s, 6, record.labour_hours_centi);
  bind_optional(s, 7, record.travel);
  s.bind(8, record.signed_by);
  s.bind(9, record.signed_at.seconds);
  s.bind(10, record.sealed ? 1 : 0);
  bind_optional(s, 11, record.km);
  s.bind(12, record.version);
}

}  // namespace

std::int64_t SqlTicketStore::next_number_in_year(int year) {
  return guarded("numbering a ticket", [&] {
    Query next = db_.cached(
        "INSERT INTO ticket_sequence (year, last) VALUES (?1, 1) "
        "ON CONFLICT (year) DO UPDATE SET last = ticket_sequence.last + 1 RETURNING last");
    next->bind(1, year);
    next->step();
    return next->int64(0);
  });
}

void SqlTicketStore::raise_sequence(int year, std::int64_t at_least) {
  guarded("numbering tickets", [&] {
    Query upsert = db_.cached(
        "INSERT INTO ticket_sequence (year, last) VALUES (?1, ?2) ON CONFLICT (year) DO UPDATE "
        "SET last = CASE WHEN ticket_sequence.last < ?2 THEN ?2 ELSE ticket_sequence.last END");
    upsert->bind(1, year);
    upsert->bind(2, at_least);
    upsert->run();
  });
}

std::optional<Ticket> SqlTicketStore::find(const std::string& number) {
  return guarded("reading ticket " + number, [&]() -> std::optional<Ticket> {
    Query query = db_.cached(AFTERSALES_TICKET_SELECT "WHERE t.number = ?1");
    query->bind(1, number);
    if (!query->step()) return std::nullopt;
    return read_ticket(*query);
  });
}

std::optional<std::string> SqlTicketStore::find_same_call(const std::string& serial,
                                                          Timestamp reported_at,
                                                          const std::string& description) {
  return guarded("reading the tickets of unit " + serial, [&]() -> std::optional<std::string> {
    Query query = db_.cached(
        "SELECT t.number FROM ticket t JOIN unit u ON u.id = t.unit_id WHERE u.serial = ?1 AND "
        "t.reported_at = ?2 AND t.description = ?3 ORDER BY t.id LIMIT 1");
    query->bind(1, serial);
    query->bind(2, reported_at.seconds);
    query->bind(3, description);
    if (!query->step()) return std::nullopt;
    return query->text(0);
  });
}

std::vector<Ticket> SqlTicketStore::list(const TicketFilter& filter) {
  return guarded("listing tickets", [&] {
    Query query = db_.cached(
        AFTERSALES_TICKET_SELECT
        "WHERE (CAST(?1 AS TEXT) IS NULL OR t.state = ?1) "
        "AND (CAST(?2 AS TEXT) IS NULL OR t.assignee = ?2) "
        "AND (CAST(?3 AS BIGINT) IS NULL OR t.reported_at >= ?3) "
        "AND (CAST(?4 AS BIGINT) IS NULL OR t.reported_at < ?4) "
        "AND (CAST(?5 AS TEXT) IS NULL OR t.unit_id = (SELECT id FROM unit WHERE serial = ?5)) "
        "AND (CAST(?6 AS TEXT) IS NULL OR t.customer_id = "
        "(SELECT id FROM customer WHERE code = ?6)) ORDER BY t.id");
    if (filter.state) query->bind(1, state_name(*filter.state));
    if (filter.assignee) query->bind(2, *filter.assignee);
    bind_optional(*query, 3, filter.reported_from);
    bind_optional(*query, 4, filter.reported_to);
    if (filter.serial) query->bind(5, *filter.serial);
    if (filter.customer_code) query->bind(6, *filter.customer_code);
    std::vector<Ticket> all;
    while (query->step()) all.push_back(read_ticket(*query));
    return all;
  });
}

void SqlTicketStore::each(const TicketFilter& filter,
                          const std::function<void(TicketListing&)>& visit) {
  guarded("listing tickets", [&] {
    // Only the filters given are written into the WHERE clause: `(?1 IS NULL OR t.state = ?1)`
    // keeps SQLite from using the index, so --state read the whole table (issue 12, item 5).
    // The work record's arrival and the pauses come in the same row (a join and a correlated
    // subquery on ticket_pause_ticket) instead of two queries per ticket.
    // The pauses come as "from,to,id;..." in any order and are sorted in C++ (read_pauses): an
    // ORDER BY in the subquery set up a sorter per ticket. SQLite's group_concat is PostgreSQL's
    // string_agg (docs/postgresql.md, B2).
    std::string sql = AFTERSALES_TICKET_SELECT_COLUMNS ", w.arrived_at, (SELECT ";
    sql += db_.dialect() == Dialect::kPostgres ? "string_agg" : "group_concat";
    sql +=
        "(p.from_at || ',' || COALESCE(CAST(p.to_at AS TEXT), '') || ',' || p.id, ';') FROM "
        "ticket_pause p WHERE p.ticket_id = t.id) " AFTERSALES_TICKET_SELECT_FROM
        "LEFT JOIN work_record w ON w.ticket_id = t.id";
    std::vector<std::string> conditions;
    std::vector<std::variant<std::int64_t, std::string>> values;
    const auto where = [&](const std::string& condition,
                           std::variant<std::int64_t, std::string> v) {
      values.push_back(std::move(v));
      conditions.push_back(fmt::format(fmt::runtime(condition), values.size()));
    };
    if (filter.state) where("t.state = ?{}", std::string(state_name(*filter.state)));
    if (filter.assignee) where("t.assignee = ?{}", *filter.assignee);
    if (filter.reported_from) where("t.reported_at >= ?{}", filter.reported_from->seconds);
    if (filter.reported_to) where("t.reported_at < ?{}", filter.reported_to->seconds);
    if (filter.serial)
      where("t.unit_id = (SELECT id FROM unit WHERE serial = ?{})", *filter.serial);
    if (filter.customer_code) {
      where("t.customer_id = (SELECT id FROM customer WHERE code = ?{})", *filter.customer_code);
    }
    if (filter.open_without_arrival) {
      conditions.push_back(
          "t.state IN ('registered', 'analysed', 'in_service', 'paused') AND w.ticket_id IS NULL");
    }
    for (std::size_t i = 0; i < conditions.size(); ++i) {
      sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];
    }
    sql += " ORDER BY t.id";
    Query query = db_.prepare(sql);
    bind_all(*query, values);
    TicketListing listing;
    while (query->step()) {
      read_ticket_into(*query, listing.ticket);
      listing.arrived.reset();
      if (!query->is_null(30)) listing.arrived = Timestamp{query->int64(30)};
      listing.pauses.clear();
      if (!query->is_null(31)) read_pauses(query->text_view(31), listing.pauses);
      visit(listing);
    }
  });
}

std::vector<ReportedCount> SqlTicketStore::count_reported(Timestamp from, Timestamp to) {
  // The month's rows come from the covering index ticket_reported_counts (015) and are counted
  // here: SQLite's GROUP BY would sort them all first (three quarters of the time).
  return guarded("counting the tickets of a month", [&] {
    Query query = db_.cached(
        "SELECT coverage, free_repair, state, category FROM ticket "
        "WHERE reported_at >= ?1 AND reported_at < ?2");
    query->bind(1, from.seconds);
    query->bind(2, to.seconds);
    std::map<std::tuple<std::string, bool, std::string, std::string>, std::int64_t> counts;
    while (query->step()) {
      ++counts[{query->text(0), flag_column(*query, 1), query->text(2), query->text(3)}];
    }
    std::vector<ReportedCount> all;
    all.reserve(counts.size());
    for (const auto& [key, count] : counts) {
      ReportedCount group;
      group.coverage = parse_coverage(std::get<0>(key)).value_or(Coverage::kPaid);
      group.free_repair = std::get<1>(key);
      group.state = parse_state(std::get<2>(key)).value_or(TicketState::kRegistered);
      group.category = std::get<3>(key);
      group.count = count;
      all.push_back(std::move(group));
    }
    return all;
  });
}

std::vector<ClosedCost> SqlTicketStore::closed_costs(Timestamp from, Timestamp to) {
  // `t.state || ''` keeps SQLite off the state index (most tickets are closed; SQLite's usual
  // `+t.state` is no operator of PostgreSQL's, docs/postgresql.md B4): the month's range of
  // work_record_finished (015) reads only the month's records, and ticket_actual_cost (017)
  // holds each line's kind and amount. The groups are summed here from flags (no text copied,
  // no sort): SQLite's GROUP BY would sort every cost line of the month first.
  return guarded("summing the costs of a month", [&] {
    Query query = db_.cached(
        "SELECT t.coverage = 'warranty', t.free_repair, l.kind = 'part', l.kind = 'work', "
        "l.amount_fen FROM ticket t JOIN work_record w ON w.ticket_id = t.id "
        "JOIN ticket_actual_line l ON l.ticket_id = t.id "
        "WHERE t.state || '' = 'closed' AND w.finished_at >= ?1 AND w.finished_at < ?2");
    query->bind(1, from.seconds);
    query->bind(2, to.seconds);
    std::int64_t sums[2][2][3] = {};  // [warranty][free repair][part, work, travel]
    while (query->step()) {
      const int kind = query->int64(2) != 0 ? 0 : query->int64(3) != 0 ? 1 : 2;
      sums[query->int64(0) != 0][query->int64(1) != 0][kind] += query->int64(4);
    }
    constexpr CostKind kinds[] = {CostKind::kPart, CostKind::kWork, CostKind::kTravel};
    std::vector<ClosedCost> all;
    for (const Coverage coverage : {Coverage::kWarranty, Coverage::kPaid}) {
      for (const bool free_repair : {false, true}) {
        for (int kind = 0; kind < 3; ++kind) {
          all.push_back({coverage, free_repair, kinds[kind],
                         Money{sums[coverage == Coverage::kWarranty][free_repair][kind]}});
        }
      }
    }
    return all;
  });
}

// A pause counts from max(its start, reported) to min(its end, the arrival), as sla_status:
// written with CASE, as PostgreSQL has no MIN and MAX of two values and SQLite no LEAST and
// GREATEST (none of the values is NULL).
#define AFTERSALES_PAUSE_END                                                         \
  "CASE WHEN COALESCE(p.to_at, w.arrived_at) < w.arrived_at THEN COALESCE(p.to_at, " \
  "w.arrived_at) ELSE w.arrived_at END"
#define AFTERSALES_PAUSE_START \
  "CASE WHEN p.from_at > t.reported_at THEN p.from_at ELSE t.reported_at END"

ArrivalCount SqlTicketStore::warranty_arrivals(Timestamp from, Timestamp to) {
  return guarded("counting the arrivals of a month", [&] {
    Query query = db_.cached(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN w.arrived_at <= t.due_at + COALESCE((SELECT "
        "SUM(" AFTERSALES_PAUSE_END " - " AFTERSALES_PAUSE_START
        ") FROM ticket_pause p WHERE "
        "p.ticket_id = t.id AND " AFTERSALES_PAUSE_END " > " AFTERSALES_PAUSE_START
        "), 0) "
        "THEN 1 ELSE 0 END), 0) FROM ticket t JOIN work_record w ON w.ticket_id = t.id "
        "WHERE t.coverage = 'warranty' AND w.arrived_at >= ?1 AND w.arrived_at < ?2");
    query->bind(1, from.seconds);
    query->bind(2, to.seconds);
    ArrivalCount count;
    if (query->step()) {
      count.arrived = query->int64(0);
      count.on_time = query->int64(1);
    }
    return count;
  });
}

#undef AFTERSALES_PAUSE_START
#undef AFTERSALES_PAUSE_END

// 表8's quality problems: ?1, ?2 the span, ?3 the zone's offset in seconds, ?4 the new-unit
// months. A ticket is on a new unit when its local reported day R is before the ship date S's
// anniversary N months on (the first of the next month when that day does not exist): months
// from S's month to R's month under N, or exactly N with R's day before S's day.
// R in each dialect: SQLite's date(..., 'unixepoch') is no function of PostgreSQL's
// (docs/postgresql.md, B6).
#define AFTERSALES_REPORTED_DAY_SQLITE "date(t.reported_at + ?3, 'unixepoch')"
#define AFTERSALES_REPORTED_DAY_POSTGRES \
  "to_char(to_timestamp(t.reported_at + ?3) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
#define AFTERSALES_MONTH_INDEX(d) \
  "(CAST(substr(" d ", 1, 4) AS INTEGER) * 12 + CAST(substr(" d ", 6, 2) AS INTEGER))"
#define AFTERSALES_DAY_OF(d) "CAST(substr(" d ", 9, 2) AS INTEGER)"
#define AFTERSALES_NEW_UNIT(day) \
  "(" AFTERSALES_MONTH_INDEX(day) " - " AFTERSALES_MONTH_INDEX("u.shipped_on") " < ?4 OR (" \
      AFTERSALES_MONTH_INDEX(day) " - " AFTERSALES_MONTH_INDEX("u.shipped_on") " = ?4 AND " \
      AFTERSALES_DAY_OF(day) " < " AFTERSALES_DAY_OF("u.shipped_on") "))"
#define AFTERSALES_QUALITY_WHERE                                                     \
  "WHERE t.reported_at >= ?1 AND t.reported_at < ?2 AND t.state <> 'cancelled' AND " \
  "t.quality_claim = 1 AND (t.quality_confirmed IS NULL OR t.quality_confirmed = 1) "

std::vector<QualityCount> SqlTicketStore::count_quality_problems(Timestamp from, Timestamp to,
                                                                 UtcOffset zone,
                                                                 int new_unit_months) {
  return guarded("counting the quality problems of a month", [&] {
#define AFTERSALES_QUALITY_COUNTS(day) \
  "SELECT m.code, m.name, t.category, " AFTERSALES_NEW_UNIT(day) " AS new_unit, "        \
  "COALESCE(t.quality_confirmed, 0) AS confirmed, COUNT(*) FROM ticket t "               \
  "JOIN unit u ON u.id = t.unit_id JOIN model m ON m.id = u.model_id " AFTERSALES_QUALITY_WHERE \
  "GROUP BY m.id, t.category, new_unit, confirmed "                                      \
  "ORDER BY m.code, t.category, new_unit, confirmed"
    static const char* const kSql[] = {AFTERSALES_QUALITY_COUNTS(AFTERSALES_REPORTED_DAY_SQLITE),
                                       AFTERSALES_QUALITY_COUNTS(AFTERSALES_REPORTED_DAY_POSTGRES)};
#undef AFTERSALES_QUALITY_COUNTS
    Query query = db_.cached(kSql[db_.dialect() == Dialect::kPostgres ? 1 : 0]);
    query->bind(1, from.seconds);
    query->bind(2, to.seconds);
    query->bind(3, std::int64_t{zone.minutes} * 60);
    query->bind(4, std::int64_t{new_unit_months});
    std::vector<QualityCount> all;
    while (query->step()) {
      QualityCount group;
      group.model = query->text(0);
      group.model_name = query->text(1);
      group.category = query->text(2);
      group.new_unit = flag_column(*query, 3);
      group.confirmed = flag_column(*query, 4);
      group.count = query->int64(5);
      all.push_back(std::move(group));
    }
    return all;
  });
}

std::vector<QualityPartCount> SqlTicketStore::quality_parts(Timestamp from, Timestamp to,
                                                            UtcOffset zone, int new_unit_months) {
  return guarded("counting the parts of the quality problems of a month", [&] {
#define AFTERSALES_QUALITY_PARTS(day) \
  "SELECT p.number, p.name, p.major, " AFTERSALES_NEW_UNIT(day) " AS new_unit, COUNT(*), " \
  "SUM(wp.quantity) FROM ticket t JOIN unit u ON u.id = t.unit_id "                        \
  "JOIN work_record_part wp ON wp.ticket_id = t.id JOIN part p ON p.id "                   \
  "= wp.part_id " AFTERSALES_QUALITY_WHERE "GROUP BY p.id, new_unit ORDER BY p.number, new_unit"
    static const char* const kSql[] = {AFTERSALES_QUALITY_PARTS(AFTERSALES_REPORTED_DAY_SQLITE),
                                       AFTERSALES_QUALITY_PARTS(AFTERSALES_REPORTED_DAY_POSTGRES)};
#undef AFTERSALES_QUALITY_PARTS
    Query query = db_.cached(kSql[db_.dialect() == Dialect::kPostgres ? 1 : 0]);
    query->bind(1, from.seconds);
    query->bind(2, to.seconds);
    query->bind(3, std::int64_t{zone.minutes} * 60);
    query->bind(4, std::int64_t{new_unit_months});
    std::vector<QualityPartCount> all;
    while (query->step()) {
      QualityPartCount group;
      group.part = query->text(0);
      group.name = query->text(1);
      group.major = flag_column(*query, 2);
      group.new_unit = flag_column(*query, 3);
      group.tickets = query->int64(4);
      group.quantity = query->int64(5);
      all.push_back(std::move(group));
    }
    return all;
  });
}

#undef AFTERSALES_QUALITY_WHERE
#undef AFTERSALES_NEW_UNIT
#undef AFTERSALES_DAY_OF
#undef AFTERSALES_MONTH_INDEX
#undef AFTERSALES_REPORTED_DAY_POSTGRES
#undef AFTERSALES_REPORTED_DAY_SQLITE

void SqlTicketStore::index_for_search(std::int64_t ticket_id) {
  // An import writes its new tickets' search rows once, as it ends (SqlImportSession); a
  // changed row is written at once, as a revert restores rows under the earlier batch's stamp.
  if (!stamp_.batch) reindex_record(db_, SearchKind::kTicket, ticket_id);
}

bool SqlTicketStore::insert_row(Ticket& ticket, const char* sql) {
  return guarded("opening ticket " + ticket.number, [&] {
    Query insert = db_.cached(sql);
    bind_ticket_state(*insert, ticket);
    insert->bind(18, ticket.number);
    insert->bind(19, ticket.serial);
    insert->bind(20, ticket.customer_code);
    insert->bind(21, ticket.channel);
    insert->bind(22, ticket.category);
    insert->bind(23, ticket.description);
    insert->bind(24, ticket.reported_at.seconds);
    bind_optional(*insert, 25, ticket.km);
    insert->bind(26, coverage_name(ticket.coverage));
    insert->bind(27, ticket.coverage_reason);
    insert->bind(28, ticket.opened_by);
    bind_optional(*insert, 29, stamp_.batch);
    if (insert->run() == 0) return false;
    ticket.id = db_.last_insert_id();
    index_for_search(ticket.id);
    return true;
  });
}

void SqlTicketStore::insert(Ticket& ticket) { insert_row(ticket, AFTERSALES_TICKET_INSERT); }

bool SqlTicketStore::insert_if_new(Ticket& ticket) {
  return insert_row(ticket, AFTERSALES_TICKET_INSERT "ON CONFLICT (number) DO NOTHING");
}

void SqlTicketStore::update(const Ticket& ticket) {
  guarded("changing ticket " + ticket.number, [&] {
    // Most changes are of the work state: the searched text is written again only when its
    // analysis or advice changes.
    bool text_changes = false;
    {
      Query text = db_.cached("SELECT analysis <> ?2 OR advice <> ?3 FROM ticket WHERE id = ?1");
      text->bind(1, ticket.id);
      text->bind(2, ticket.analysis);
      text->bind(3, ticket.advice);
      text_changes = text->step() && flag_column(*text, 0);
    }
    Query update = db_.cached(
        "UPDATE ticket SET state = ?1, resume_state = ?2, assignee = ?3, analysis = ?4, "
        "needs_factory = ?5, quality_claim = ?6, quality_confirmed = ?7, waiver_requested = ?8, "
        "waiver_reason = ?9, free_repair = ?10, itemised = ?11, contract_no = ?12, "
        "returned_reason = ?13, cancel_reason = ?14, visit_due_on = ?15, priority = ?16, "
        "due_at = ?17, advice = ?18, batch_id = ?19 WHERE id = ?20");
    bind_ticket_state(*update, ticket);
    update->bind(18, ticket.advice);
    bind_optional(*update, 19, stamp_.batch);
    update->bind(20, ticket.id);
    update->run();
    if (text_changes) reindex_record(db_, SearchKind::kTicket, ticket.id);
  });
}

void SqlTicketStore::update_intake(const Ticket& ticket) {
  guarded("changing ticket " + ticket.number, [&] {
    Query update = db_.cached(
        "UPDATE ticket SET unit_id = (SELECT id FROM unit WHERE serial = ?1), customer_id = "
        "(SELECT id FROM customer WHERE code = ?2), channel = ?3, category = ?4, description = "
        "?5, reported_at = ?6, km = ?7, coverage = ?8, coverage_reason = ?9, priority = ?10, "
        "due_at = ?11, batch_id = ?12 WHERE id = ?13");
    update->bind(1, ticket.serial);
    update->bind(2, ticket.customer_code);
    update->bind(3, ticket.channel);
    update->bind(4, ticket.category);
    update->bind(5, ticket.description);
    update->bind(6, ticket.reported_at.seconds);
    bind_optional(*update, 7, ticket.km);
    update->bind(8, coverage_name(ticket.coverage));
    update->bind(9, ticket.coverage_reason);
    update->bind(10, ticket.priority);
    update->bind(11, ticket.due_at.seconds);
    bind_optional(*update, 12, stamp_.batch);
    update->bind(13, ticket.id);
    update->run();
    reindex_record(db_, SearchKind::kTicket, ticket.id);
  });
}

void SqlTicketStore::remove(const std::string& number) {
  // Work typed onto an imported ticket (costs, pauses, a record, approvals) is never removed
  // with it: the revert is refused.
  refuse_if_typed_since(
      db_,
      "SELECT 1 FROM ticket_cost_line WHERE ticket_id = (SELECT id FROM ticket WHERE number = "
      "?1) UNION ALL SELECT 1 FROM ticket_pause WHERE ticket_id = (SELECT id FROM ticket "
      "WHERE number = ?1) UNION ALL SELECT 1 FROM work_record WHERE ticket_id = (SELECT id "
      "FROM ticket WHERE number = ?1) UNION ALL SELECT 1 FROM approval WHERE subject_kind = "
      "'ticket' AND subject_id = ?1",
      "ticket", number);
  if (const std::optional<Ticket> ticket = find(number)) {
    forget_record(db_, SearchKind::kTicket, ticket->id);
  }
  remove_row(db_, "DELETE FROM ticket WHERE number = ?1", "ticket", number);
}

std::vector<CostLine> SqlTicketStore::cost_lines(std::int64_t ticket_id) {
  return guarded("reading cost lines", [&] {
    Query query = db_.cached(
        "SELECT kind, description, quantity_milli, unit_price_fen, amount_fen, coverage FROM "
        "ticket_cost_line WHERE ticket_id = ?1 ORDER BY position");
    return read_lines(*query, ticket_id);
  });
}

void SqlTicketStore::replace_cost_lines(std::int64_t ticket_id,
                                        const std::vector<CostLine>& lines) {
  guarded("saving cost lines", [&] {
    Query remove = db_.cached("DELETE FROM ticket_cost_line WHERE ticket_id = ?1");
    Query insert = db_.cached(
        "INSERT INTO ticket_cost_line (ticket_id, position, kind, description, quantity_milli, "
        "unit_price_fen, amount_fen, coverage) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    write_lines(*remove, *insert, ticket_id, lines);
  });
}

std::vector<CostLine> SqlTicketStore::actual_lines(std::int64_t ticket_id) {
  return guarded("reading actual cost lines", [&] {
    Query query = db_.cached(
        "SELECT kind, description, quantity_milli, unit_price_fen, amount_fen, coverage FROM "
        "ticket_actual_line WHERE ticket_id = ?1 ORDER BY position");
    return read_lines(*query, ticket_id);
  });
}

void SqlTicketStore::replace_actual_lines(std::int64_t ticket_id,
                                          const std::vector<CostLine>& lines) {
  guarded("saving actual cost lines", [&] {
    Query remove = db_.cached("DELETE FROM ticket_actual_line WHERE ticket_id = ?1");
    Query insert = db_.cached(
        "INSERT INTO ticket_actual_line (ticket_id, position, kind, description, quantity_milli, "
        "unit_price_fen, amount_fen, coverage) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    write_lines(*remove, *insert, ticket_id, lines);
  });
}

std::vector<OdometerReading> SqlTicketStore::odometer_readings(const std::string& serial) {
  return guarded("reading the odometer readings of unit " + serial, [&] {
    Query query = db_.cached(
        "SELECT t.km, t.reported_at, t.number, 0 FROM ticket t JOIN unit u ON u.id = t.unit_id "
        "WHERE u.serial = ?1 AND t.km IS NOT NULL UNION ALL "
        "SELECT w.km, w.arrived_at, t.number, 1 FROM work_record w JOIN ticket t ON t.id = "
        "w.ticket_id JOIN unit u ON u.id = t.unit_id WHERE u.serial = ?1 AND w.km IS NOT NULL "
        "ORDER BY 2, 3, 4");
    query->bind(1, serial);
    std::vector<OdometerReading> all;
    while (query->step()) {
      all.push_back(OdometerReading{query->int64(0), Timestamp{query->int64(1)}, query->text(2),
                                    flag_column(*query, 3)});
    }
    return all;
  });
}

std::vector<Pause> SqlTicketStore::pauses(std::int64_t ticket_id) {
  return guarded("reading pauses", [&] {
    Query query = db_.cached(
        "SELECT from_at, to_at, reason FROM ticket_pause WHERE ticket_id = ?1 ORDER BY id");
    query->bind(1, ticket_id);
    std::vector<Pause> all;
    while (query->step()) {
      Pause pause;
      pause.from = Timestamp{query->int64(0)};
      pause.to = time_column(*query, 1);
      pause.reason = query->text(2);
      all.push_back(std::move(pause));
    }
    return all;
  });
}

void SqlTicketStore::insert_pause(std::int64_t ticket_id, const Pause& pause) {
  guarded("pausing a ticket", [&] {
    Query insert = db_.cached(
        "INSERT INTO ticket_pause (ticket_id, from_at, to_at, reason) VALUES (?1, ?2, ?3, ?4)");
    insert->bind(1, ticket_id);
    insert->bind(2, pause.from.seconds);
    bind_optional(*insert, 3, pause.to);
    insert->bind(4, pause.reason);
    insert->run();
  });
}

void SqlTicketStore::end_open_pause(std::int64_t ticket_id, Timestamp to) {
  guarded("resuming a ticket", [&] {
    Query update =
        db_.cached("UPDATE ticket_pause SET to_at = ?1 WHERE ticket_id = ?2 AND to_at IS NULL");
    update->bind(1, to.seconds);
    update->bind(2, ticket_id);
    update->run();
  });
}

std::optional<WorkRecord> SqlTicketStore::find_work_record(std::int64_t ticket_id) {
  return guarded("reading a work record", [&]() -> std::optional<WorkRecord> {
    Query query =
        db_.cached("SELECT " AFTERSALES_RECORD_COLUMNS " FROM work_record WHERE ticket_id = ?1");
    query->bind(1, ticket_id);
    if (!query->step()) return std::nullopt;
    return read_record(*query, 0);
  });
}

void SqlTicketStore::insert_work_record(std::int64_t ticket_id, const WorkRecord& record) {
  guarded("saving a work record", [&] {
    Query insert = db_.cached("INSERT INTO work_record (ticket_id, " AFTERSALES_RECORD_COLUMNS
                              ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    bind_record(*insert, ticket_id, record);
    insert->run();
    reindex_record(db_, SearchKind::kTicket, ticket_id);
  });
}

void SqlTicketStore::replace_work_record(std::int64_t ticket_id, const WorkRecord& record,
                                         Timestamp replaced_at, const std::string& replaced_by) {
  guarded("correcting a work record", [&] {
    {
      Query keep =
          db_.cached("INSERT INTO work_record_version (ticket_id, " AFTERSALES_RECORD_COLUMNS
                     ", replaced_at, replaced_by) SELECT ticket_id, " AFTERSALES_RECORD_COLUMNS
                     ", ?2, ?3 FROM work_record WHERE ticket_id = ?1");
      keep->bind(1, ticket_id);
      keep->bind(2, replaced_at.seconds);
      keep->bind(3, replaced_by);
      keep->run();
    }
    Query update = db_.cached(
        "UPDATE work_record SET technicians = ?2, arrived_at = ?3, finished_at = ?4, work_done "
        "= ?5, labour_hours_centi = ?6, travel_fen = ?7, signed_by = ?8, signed_at = ?9, sealed "
        "= ?10, km = ?11, version = ?12 WHERE ticket_id = ?1");
    bind_record(*update, ticket_id, record);
    update->run();
    reindex_record(db_, SearchKind::kTicket, ticket_id);
  });
}

std::vector<ReplacedWorkRecord> SqlTicketStore::replaced_work_records(std::int64_t ticket_id) {
  return guarded("reading earlier work records", [&] {
    Query query = db_.cached("SELECT " AFTERSALES_RECORD_COLUMNS
                             ", replaced_at, replaced_by FROM work_record_version WHERE "
                             "ticket_id = ?1 ORDER BY version");
    query->bind(1, ticket_id);
    std::vector<ReplacedWorkRecord> all;
    while (query->step()) {
      ReplacedWorkRecord replaced;
      replaced.record = read_record(*query, 0);
      replaced.replaced_at = Timestamp{query->int64(11)};
      replaced.replaced_by = query->text(12);
      all.push_back(std::move(replaced));
    }
    return all;
  });
}

void bind_ticket_work(Statement& s, const Ticket& t) {
  s.bind(1, state_name(t.state));
  s.bind(2, state_name(t.resume_state));
  s.bind(3, t.assignee);
  s.bind(4, t.analysis);
  s.bind(5, t.needs_factory ? 1 : 0);
  s.bind(6, t.quality_claim ? 1 : 0);
  bind_optional(s, 7, t.quality_confirmed);
  s.bind(8, t.waiver_requested ? 1 : 0);
  s.bind(9, t.waiver_reason);
  s.bind(10, t.free_repair ? 1 : 0);
  s.bind(11, t.itemised ? 1 : 0);
  s.bind(12, t.contract_no);
  s.bind(13, t.returned_reason);
  s.bind(14, t.cancel_reason);
  bind_date(s, 15, t.visit_due_on);
}

}  // namespace aftersales::store
