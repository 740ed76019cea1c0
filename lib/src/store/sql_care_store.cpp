// SQL of customer care: annual surveys (表9), complaints and suggestions (客户投诉) and the
// handover training of units (新车交接培训).
#include "aftersales/core/error.h"
#include "store/sql_search_index.h"
#include "store/sql_stores.h"

namespace aftersales::store {
namespace {

#define AFTERSALES_SURVEY_COLUMNS                                                           \
  "s.id, c.code, c.name, s.year, s.score_structure, s.score_appearance, s.score_delivery, " \
  "s.score_price, s.score_service, s.suggestion, s.surveyed_at, s.recorded_by "
#define AFTERSALES_SURVEY_FROM "FROM survey s JOIN customer c ON c.id = s.customer_id "

Survey read_survey(Statement& row) {
  Survey s;
  s.id = row.int64(0);
  s.customer_code = row.text(1);
  s.customer_name = row.text(2);
  s.year = static_cast<int>(row.int64(3));
  for (int k = 0; k < kScoreDimensions; ++k) s.scores[k] = static_cast<int>(row.int64(4 + k));
  s.suggestion = row.text(9);
  s.surveyed_at = Timestamp{row.int64(10)};
  s.recorded_by = row.text(11);
  return s;
}

#define AFTERSALES_COMPLAINT_COLUMNS                                                  \
  "k.id, k.number, k.kind, c.code, c.name, u.serial, t.number, k.category, k.text, "  \
  "k.opened_at, k.deadline, k.opened_by, k.closed_at, k.resolution, k.confirmed_by, " \
  "k.closed_by "
#define AFTERSALES_COMPLAINT_FROM                                                 \
  "FROM complaint k JOIN customer c ON c.id = k.customer_id LEFT JOIN unit u ON " \
  "u.id = k.unit_id LEFT JOIN ticket t ON t.id = k.ticket_id "

Complaint read_complaint(Statement& row) {
  Complaint k;
  k.id = row.int64(0);
  k.number = row.text(1);
  k.kind = row.text(2) == "suggestion" ? ComplaintKind::kSuggestion : ComplaintKind::kComplaint;
  k.customer_code = row.text(3);
  k.customer_name = row.text(4);
  k.serial = row.is_null(5) ? "" : row.text(5);
  k.ticket = row.is_null(6) ? "" : row.text(6);
  k.category = row.text(7);
  k.text = row.text(8);
  k.opened_at = Timestamp{row.int64(9)};
  k.deadline = date_column(row, 10).value_or(Date{});
  k.opened_by = row.text(11);
  k.closed_at = time_column(row, 12);
  k.resolution = row.text(13);
  k.confirmed_by = row.text(14);
  k.closed_by = row.text(15);
  return k;
}

#define AFTERSALES_TRAINING_COLUMNS \
  "r.id, u.serial, c.code, r.trained_on, r.trainer, r.passed, r.note, r.recorded_by "
#define AFTERSALES_TRAINING_FROM                                                      \
  "FROM training_record r JOIN unit u ON u.id = r.unit_id JOIN customer c ON c.id = " \
  "u.customer_id "

TrainingRecord read_training(Statement& row) {
  TrainingRecord r;
  r.id = row.int64(0);
  r.serial = row.text(1);
  r.customer_code = row.text(2);
  r.trained_on = date_column(row, 3).value_or(Date{});
  r.trainer = row.text(4);
  r.passed = flag_column(row, 5);
  r.note = row.text(6);
  r.recorded_by = row.text(7);
  return r;
}

std::optional<std::string> optional_text(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

}  // namespace

std::optional<Survey> SqlCareStore::find_survey(const std::string& customer, int year) {
  return guarded("reading a survey", [&]() -> std::optional<Survey> {
    Query query = db_.cached("SELECT " AFTERSALES_SURVEY_COLUMNS AFTERSALES_SURVEY_FROM
                             "WHERE c.code = ?1 AND s.year = ?2");
    query->bind(1, customer);
    query->bind(2, std::int64_t{year});
    if (!query->step()) return std::nullopt;
    return read_survey(*query);
  });
}

std::vector<Survey> SqlCareStore::list_surveys(const std::optional<int>& year) {
  return guarded("listing surveys", [&] {
    Query query =
        db_.cached("SELECT " AFTERSALES_SURVEY_COLUMNS AFTERSALES_SURVEY_FROM
                   "WHERE CAST(?1 AS BIGINT) IS NULL OR s.year = ?1 ORDER BY s.year, c.code");
    bind_optional(*query, 1, year);
    std::vector<Survey> all;
    while (query->step()) all.push_back(read_survey(*query));
    return all;
  });
}

void SqlCareStore::insert_survey(Survey& survey) {
  guarded("recording a survey", [&] {
    Query insert = db_.cached(
        "INSERT INTO survey (customer_id, year, score_structure, score_appearance, "
        "score_delivery, score_price, score_service, suggestion, surveyed_at, recorded_by, "
        "batch_id) VALUES ((SELECT id FROM customer WHERE code = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
        "?9, ?10, ?11)");
    insert->bind(1, survey.customer_code);
    insert->bind(2, std::int64_t{survey.year});
    for (int k = 0; k < kScoreDimensions; ++k) {
      insert->bind(3 + k, std::int64_t{survey.scores[k]});
    }
    insert->bind(8, survey.suggestion);
    insert->bind(9, survey.surveyed_at.seconds);
    insert->bind(10, survey.recorded_by);
    bind_optional(*insert, 11, stamp_.batch);
    insert->run();
    survey.id = db_.last_insert_id();
  });
}

std::optional<Complaint> SqlCareStore::find_complaint(const std::string& number) {
  return guarded("reading complaint " + number, [&]() -> std::optional<Complaint> {
    Query query = db_.cached("SELECT " AFTERSALES_COMPLAINT_COLUMNS AFTERSALES_COMPLAINT_FROM
                             "WHERE k.number = ?1");
    query->bind(1, number);
    if (!query->step()) return std::nullopt;
    return read_complaint(*query);
  });
}

std::vector<Complaint> SqlCareStore::list_complaints() {
  return guarded("listing complaints", [&] {
    Query query = db_.cached("SELECT " AFTERSALES_COMPLAINT_COLUMNS AFTERSALES_COMPLAINT_FROM
                             "ORDER BY k.number");
    std::vector<Complaint> all;
    while (query->step()) all.push_back(read_complaint(*query));
    return all;
  });
}

std::vector<Complaint> SqlCareStore::complaints_of_unit(const std::string& serial) {
  return guarded("listing the complaints of unit " + serial, [&] {
    Query query = db_.cached("SELECT " AFTERSALES_COMPLAINT_COLUMNS AFTERSALES_COMPLAINT_FROM
                             "WHERE u.serial = ?1 ORDER BY k.number");
    query->bind(1, serial);
    std::vector<Complaint> all;
    while (query->step()) all.push_back(read_complaint(*query));
    return all;
  });
}

void SqlCareStore::insert_complaint(Complaint& complaint) {
  guarded("recording complaint " + complaint.number, [&] {
    Query insert = db_.cached(
        "INSERT INTO complaint (number, kind, customer_id, unit_id, ticket_id, category, text, "
        "opened_at, deadline, opened_by) VALUES (?1, ?2, (SELECT id FROM customer WHERE code = "
        "?3), (SELECT id FROM unit WHERE serial = ?4), (SELECT id FROM ticket WHERE number = ?5), "
        "?6, ?7, ?8, ?9, ?10)");
    insert->bind(1, complaint.number);
    insert->bind(2, std::string(complaint_kind_name(complaint.kind)));
    insert->bind(3, complaint.customer_code);
    bind_optional(*insert, 4, optional_text(complaint.serial));
    bind_optional(*insert, 5, optional_text(complaint.ticket));
    insert->bind(6, complaint.category);
    insert->bind(7, complaint.text);
    insert->bind(8, complaint.opened_at.seconds);
    bind_date(*insert, 9, complaint.deadline);
    insert->bind(10, complaint.opened_by);
    insert->run();
    complaint.id = db_.last_insert_id();
    reindex_record(db_, SearchKind::kComplaint, complaint.id);
  });
}

void SqlCareStore::update_complaint(const Complaint& complaint) {
  guarded("closing complaint " + complaint.number, [&] {
    Query update = db_.cached(
        "UPDATE complaint SET closed_at = ?1, resolution = ?2, confirmed_by = ?3, closed_by = ?4 "
        "WHERE id = ?5");
    bind_optional(*update, 1, complaint.closed_at);
    update->bind(2, complaint.resolution);
    update->bind(3, complaint.confirmed_by);
    update->bind(4, complaint.closed_by);
    update->bind(5, complaint.id);
    update->run();
    reindex_record(db_, SearchKind::kComplaint, complaint.id);
  });
}

std::vector<TrainingRecord> SqlCareStore::list_training() {
  return guarded("listing training records", [&] {
    Query query = db_.cached("SELECT " AFTERSALES_TRAINING_COLUMNS AFTERSALES_TRAINING_FROM
                             "ORDER BY r.trained_on, r.id");
    std::vector<TrainingRecord> all;
    while (query->step()) all.push_back(read_training(*query));
    return all;
  });
}

std::vector<TrainingRecord> SqlCareStore::training_of_unit(const std::string& serial) {
  return guarded("reading the training of unit " + serial, [&] {
    Query query = db_.cached("SELECT " AFTERSALES_TRAINING_COLUMNS AFTERSALES_TRAINING_FROM
                             "WHERE u.serial = ?1 ORDER BY r.trained_on, r.id");
    query->bind(1, serial);
    std::vector<TrainingRecord> all;
    while (query->step()) all.push_back(read_training(*query));
    return all;
  });
}

void SqlCareStore::insert_training(TrainingRecord& record) {
  guarded("recording a training of unit " + record.serial, [&] {
    Query insert = db_.cached(
        "INSERT INTO training_record (unit_id, trained_on, trainer, passed, note, recorded_by, "
        "batch_id) VALUES ((SELECT id FROM unit WHERE serial = ?1), ?2, ?3, ?4, ?5, ?6, ?7)");
    insert->bind(1, record.serial);
    bind_date(*insert, 2, record.trained_on);
    insert->bind(3, record.trainer);
    insert->bind(4, std::int64_t{record.passed ? 1 : 0});
    insert->bind(5, record.note);
    insert->bind(6, record.recorded_by);
    bind_optional(*insert, 7, stamp_.batch);
    insert->run();
    record.id = db_.last_insert_id();
  });
}

void SqlCareStore::remove_survey(const std::string& customer, int year) {
  guarded("removing the survey of " + customer, [&] {
    Query remove = db_.cached(
        "DELETE FROM survey WHERE customer_id = (SELECT id FROM customer WHERE code = ?1) AND "
        "year = ?2");
    remove->bind(1, customer);
    remove->bind(2, std::int64_t{year});
    remove->run();
  });
}

void SqlCareStore::remove_training(std::int64_t id) {
  guarded("removing a training record", [&] {
    Query remove = db_.cached("DELETE FROM training_record WHERE id = ?1");
    remove->bind(1, id);
    remove->run();
  });
}

}  // namespace aftersales::store
