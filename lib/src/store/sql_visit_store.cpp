// SQL of the follow-up visits (表2) and of the ledger facts their due dates come from.
#include "store/sql_visit_store.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "aftersales/core/error.h"
#include "store/sql_search_index.h"

namespace aftersales::store {
namespace {

#define AFTERSALES_VISIT_COLUMNS                                                                 \
  "v.id, v.number, u.serial, c.code, v.reason, t.number, v.visited_at, v.visited_on, "           \
  "v.visited_by, v.score_structure, v.score_appearance, v.score_delivery, v.score_price, "       \
  "v.score_service, v.suggestion, v.settled_key, v.settled_due_on, v.days_late, v.recorded_at, " \
  "v.recorded_by "
#define AFTERSALES_VISIT_FROM                                                                  \
  "FROM visit v JOIN customer c ON c.id = v.customer_id LEFT JOIN unit u ON u.id = v.unit_id " \
  "LEFT JOIN ticket t ON t.id = v.ticket_id "

Visit read_visit(Statement& row) {
  Visit v;
  v.id = row.int64(0);
  v.number = row.text(1);
  v.serial = row.is_null(2) ? "" : row.text(2);
  v.customer = row.text(3);
  v.reason = parse_visit_reason(row.text(4)).value_or(VisitReason::kOther);
  v.ticket = row.is_null(5) ? "" : row.text(5);
  v.visited_at = Timestamp{row.int64(6)};
  v.visited_on = date_column(row, 7).value_or(Date{});
  v.visited_by = row.text(8);
  if (!row.is_null(9)) {
    Scores scores{};
    for (int i = 0; i < kScoreDimensions; ++i) scores[i] = static_cast<int>(row.int64(9 + i));
    v.scores = scores;
  }
  v.suggestion = row.text(14);
  v.settled_key = row.is_null(15) ? "" : row.text(15);
  v.settled_due_on = date_column(row, 16);
  v.days_late = static_cast<int>(row.int64(17));
  v.recorded_at = Timestamp{row.int64(18)};
  v.recorded_by = row.text(19);
  return v;
}

void bind_scope(Statement& query, int first, const VisitScope& scope) {
  bind_optional(query, first, scope.serial);
  bind_optional(query, first + 1, scope.customer);
}

}  // namespace

void SqlVisitStore::insert(Visit& visit) {
  guarded("recording visit " + visit.number, [&] {
    Query insert = db_.cached(
        "INSERT INTO visit (number, unit_id, customer_id, reason, ticket_id, visited_at, "
        "visited_on, visited_by, score_structure, score_appearance, score_delivery, score_price, "
        "score_service, suggestion, settled_key, settled_due_on, days_late, recorded_at, "
        "recorded_by, batch_id) VALUES (?1, (SELECT id FROM unit WHERE serial = ?2), "
        "(SELECT id FROM customer WHERE code = ?3), ?4, (SELECT id FROM ticket WHERE number = ?5), "
        "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)");
    insert->bind(1, visit.number);
    bind_optional(*insert, 2,
                  visit.serial.empty() ? std::nullopt : std::optional<std::string>(visit.serial));
    insert->bind(3, visit.customer);
    insert->bind(4, std::string(visit_reason_name(visit.reason)));
    bind_optional(*insert, 5,
                  visit.ticket.empty() ? std::nullopt : std::optional<std::string>(visit.ticket));
    insert->bind(6, visit.visited_at.seconds);
    bind_date(*insert, 7, visit.visited_on);
    insert->bind(8, visit.visited_by);
    for (int i = 0; i < kScoreDimensions; ++i) {
      bind_optional(*insert, 9 + i,
                    visit.scores ? std::optional<std::int64_t>((*visit.scores)[i]) : std::nullopt);
    }
    insert->bind(14, visit.suggestion);
    bind_optional(
        *insert, 15,
        visit.settled_key.empty() ? std::nullopt : std::optional<std::string>(visit.settled_key));
    bind_date(*insert, 16, visit.settled_due_on);
    insert->bind(17, std::int64_t{visit.days_late});
    insert->bind(18, visit.recorded_at.seconds);
    insert->bind(19, visit.recorded_by);
    bind_optional(*insert, 20, stamp_.batch);
    insert->run();
    visit.id = db_.last_insert_id();
    // An import writes its visits' search rows once, as it ends (SqlImportSession).
    if (!stamp_.batch) reindex_record(db_, SearchKind::kVisit, visit.id);
  });
}

void SqlVisitStore::remove(const std::string& number) {
  guarded("removing visit " + number, [&] {
    if (const std::optional<Visit> visit = find(number)) {
      forget_record(db_, SearchKind::kVisit, visit->id);
    }
    Query remove = db_.cached("DELETE FROM visit WHERE number = ?1");
    remove->bind(1, number);
    remove->run();
  });
}

std::optional<Visit> SqlVisitStore::find(const std::string& number) {
  return guarded("reading visit " + number, [&]() -> std::optional<Visit> {
    Query query =
        db_.cached("SELECT " AFTERSALES_VISIT_COLUMNS AFTERSALES_VISIT_FROM "WHERE v.number = ?1");
    query->bind(1, number);
    if (!query->step()) return std::nullopt;
    return read_visit(*query);
  });
}

std::optional<Visit> SqlVisitStore::find_settling(VisitReason reason, const std::string& key) {
  return guarded("reading the visit of " + key, [&]() -> std::optional<Visit> {
    Query query = db_.cached("SELECT " AFTERSALES_VISIT_COLUMNS AFTERSALES_VISIT_FROM
                             "WHERE v.reason = ?1 AND v.settled_key = ?2");
    query->bind(1, std::string(visit_reason_name(reason)));
    query->bind(2, key);
    if (!query->step()) return std::nullopt;
    return read_visit(*query);
  });
}

void SqlVisitStore::each(const VisitScope& scope, const std::function<void(const Visit&)>& visit) {
  guarded("listing visits", [&] {
    // Only the filters given are written, so visit_unit, visit_customer or visit_visited_on
    // applies (`?1 IS NULL OR ...` keeps SQLite from using any).
    std::string sql = "SELECT " AFTERSALES_VISIT_COLUMNS AFTERSALES_VISIT_FROM;
    std::vector<std::string> values;
    std::vector<std::string> conditions;
    const auto where = [&](const char* condition, std::string value) {
      values.push_back(std::move(value));
      conditions.push_back(fmt::format(fmt::runtime(condition), values.size()));
    };
    if (scope.serial) where("u.serial = ?{}", *scope.serial);
    if (scope.customer) where("c.code = ?{}", *scope.customer);
    if (scope.from) where("v.visited_on >= ?{}", format_date(*scope.from));
    if (scope.to) where("v.visited_on <= ?{}", format_date(*scope.to));
    for (std::size_t i = 0; i < conditions.size(); ++i) {
      sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];
    }
    sql += " ORDER BY v.visited_at, v.number";
    Query query = db_.prepare(sql);
    for (std::size_t i = 0; i < values.size(); ++i) query->bind(static_cast<int>(i + 1), values[i]);
    while (query->step()) visit(read_visit(*query));
  });
}

VisitFormCounts SqlVisitStore::count_forms(Date from, Date to, int satisfied_min) {
  return guarded("counting the visit forms of a month", [&] {
    Query query = db_.cached(
        // COUNT(*) FILTER, not SUM(condition): PostgreSQL sums no booleans.
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE reason = 'shipment'), "
        "COUNT(*) FILTER (WHERE reason = 'repair'), "
        "COUNT(*) FILTER (WHERE score_structure IS NOT NULL), "
        "COUNT(*) FILTER (WHERE score_structure >= ?3), "
        "COUNT(*) FILTER (WHERE score_appearance >= ?3), "
        "COUNT(*) FILTER (WHERE score_delivery >= ?3), COUNT(*) FILTER (WHERE score_price >= ?3), "
        "COUNT(*) FILTER (WHERE score_service >= ?3) FROM visit "
        "WHERE visited_on >= ?1 AND visited_on <= ?2");
    query->bind(1, format_date(from));
    query->bind(2, format_date(to));
    query->bind(3, std::int64_t{satisfied_min});
    VisitFormCounts counts;
    if (query->step()) {
      counts.visits = query->int64(0);
      counts.new_unit_visits = query->int64(1);
      counts.repair_visits = query->int64(2);
      counts.forms = query->int64(3);
      for (std::size_t i = 0; i < counts.satisfied.size(); ++i) {
        counts.satisfied[i] = query->int64(4 + static_cast<int>(i));
      }
    }
    return counts;
  });
}

void SqlVisitStore::each_unit(const VisitScope& scope,
                              const std::function<void(const VisitUnit&)>& visit) {
  guarded("reading units for their visits", [&] {
    Query query = db_.cached(
        "SELECT u.serial, c.code, u.shipped_on, m.maintenance_days FROM unit u "
        "JOIN customer c ON c.id = u.customer_id JOIN model m ON m.id = u.model_id "
        "WHERE (CAST(?1 AS TEXT) IS NULL OR u.serial = ?1) AND (CAST(?2 AS TEXT) IS NULL OR c.code "
        "= ?2) ORDER BY u.serial");
    bind_scope(*query, 1, scope);
    while (query->step()) {
      VisitUnit unit;
      unit.serial = query->text(0);
      unit.customer = query->text(1);
      unit.shipped_on = date_column(*query, 2).value_or(Date{});
      unit.maintenance_days = optional_column<int>(*query, 3);
      visit(unit);
    }
  });
}

void SqlVisitStore::each_key_customer(const VisitScope& scope,
                                      const std::function<void(const VisitKeyCustomer&)>& visit) {
  guarded("reading key customers", [&] {
    Query query = db_.cached(
        "SELECT c.code, (SELECT MIN(f.shipped_on) FROM unit f WHERE f.customer_id = c.id) "
        "FROM customer c WHERE c.is_key = 1 "
        "AND (CAST(?1 AS TEXT) IS NULL OR c.id = (SELECT customer_id FROM unit WHERE serial = ?1)) "
        "AND (CAST(?2 AS TEXT) IS NULL OR c.code = ?2) ORDER BY c.code");
    bind_scope(*query, 1, scope);
    while (query->step()) {
      VisitKeyCustomer customer;
      customer.code = query->text(0);
      customer.first_shipped_on = date_column(*query, 1);
      visit(customer);
    }
  });
}

void SqlVisitStore::each_repair(const VisitScope& scope, std::optional<Date> due_from,
                                std::optional<Date> due_to,
                                const std::function<void(const VisitRepair&)>& visit) {
  // Always a range of the partial index ticket_visit_due (012): without one SQLite walks every
  // ticket in number order to save the sort of the few it returns.
  guarded("reading repairs owing a visit", [&] {
    Query query = db_.cached(
        "SELECT t.number, u.serial, c.code, w.finished_at, t.visit_due_on FROM ticket t "
        "JOIN unit u ON u.id = t.unit_id JOIN customer c ON c.id = u.customer_id "
        "JOIN work_record w ON w.ticket_id = t.id WHERE t.visit_due_on >= ?3 "
        "AND t.visit_due_on <= ?4 AND (CAST(?1 AS TEXT) IS NULL OR u.serial = ?1) "
        "AND (CAST(?2 AS TEXT) IS NULL OR c.code = ?2) ORDER BY t.number");
    bind_scope(*query, 1, scope);
    bind_date(*query, 3, due_from.value_or(Date::from_ymd(1, 1, 1)));
    bind_date(*query, 4, due_to.value_or(Date::from_ymd(9999, 12, 31)));
    while (query->step()) {
      VisitRepair repair;
      repair.ticket = query->text(0);
      repair.serial = query->text(1);
      repair.customer = query->text(2);
      repair.finished_at = Timestamp{query->int64(3)};
      repair.visit_due_on = date_column(*query, 4).value_or(Date{});
      visit(repair);
    }
  });
}

}  // namespace aftersales::store
