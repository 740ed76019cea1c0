// The export queries (store/export_store.h): one row of this table per record type, with its
// columns, its FROM clause, its order and the business date --month and --since filter by.
// Keys are stable: add columns at the end, rename none (docs/export.md lists them).
#include "store/sql_export_store.h"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "aftersales/core/error.h"

namespace aftersales::store {
namespace {

// How a column's SQL value becomes a cell.
enum class Value {
  kText,     // TEXT, null as null
  kInteger,  // INTEGER
  kFen,      // INTEGER fen: Money (KEY and KEY_fen in JSON)
  kDate,     // TEXT YYYY-MM-DD: a Date
  kInstant,  // INTEGER seconds: ISO 8601 in the rules' zone
  kFlag,     // INTEGER 0/1: true/false
};

struct ColumnDef {
  const char* key;
  const char* sql;
  Value value;
};

enum class Dated { kNo, kInstant, kDate };

struct EntityDef {
  const char* name;
  const char* description;
  const char* date_field;  // the key of the column it is dated by
  const char* date_sql;    // the SQL expression of that date
  Dated dated;
  const char* from;  // FROM and JOINs
  const char* order;
  std::vector<ColumnDef> columns;
};

using V = Value;

// The columns of a ticket's cost lines, estimated (ticket_cost_line) or actual
// (ticket_actual_line): the same shape, the table aliased `l`.
const std::vector<ColumnDef> kCostLineColumns = {
    {"ticket", "t.number", V::kText},
    {"position", "l.position", V::kInteger},
    {"kind", "l.kind", V::kText},
    {"description", "l.description", V::kText},
    {"quantity_milli", "l.quantity_milli", V::kInteger},
    {"unit_price", "l.unit_price_fen", V::kFen},
    {"amount", "l.amount_fen", V::kFen},
    {"coverage", "l.coverage", V::kText},
    {"reported_at", "t.reported_at", V::kInstant}};

const std::vector<EntityDef>& catalogue() {
  static const std::vector<EntityDef> entities = {
      {"customers",
       "customers (客户)",
       "",
       "",
       Dated::kNo,
       "customer c",
       "c.code",
       {{"code", "c.code", V::kText},
        {"name", "c.name", V::kText},
        {"contact", "c.contact", V::kText},
        {"phone", "c.phone", V::kText},
        {"email", "c.email", V::kText},
        {"address", "c.address", V::kText},
        {"region", "c.region", V::kText},
        {"key", "c.is_key", V::kFlag}}},
      {"models",
       "product models and their warranty terms (车型)",
       "",
       "",
       Dated::kNo,
       "model m",
       "m.code",
       {{"code", "m.code", V::kText},
        {"name", "m.name", V::kText},
        {"category", "m.category", V::kText},
        {"warranty_months", "m.warranty_months", V::kInteger},
        {"warranty_km", "m.warranty_km", V::kInteger},
        {"maintenance_days", "m.maintenance_days", V::kInteger},
        {"maintenance_km", "m.maintenance_km", V::kInteger}}},
      {"units",
       "the factory archive (产品出厂档案, 表1)",
       "shipped",
       "u.shipped_on",
       Dated::kDate,
       "unit u JOIN model m ON m.id = u.model_id JOIN customer c ON c.id = u.customer_id",
       "u.serial",
       {{"serial", "u.serial", V::kText},
        {"model", "m.code", V::kText},
        {"customer", "c.code", V::kText},
        {"shipped", "u.shipped_on", V::kDate},
        {"vin", "u.vin", V::kText},
        {"engine", "u.engine_no", V::kText},
        {"plate", "u.plate", V::kText},
        {"config", "u.configuration", V::kText},
        {"terms", "u.terms", V::kText},
        {"contact", "u.contact", V::kText},
        {"phone", "u.phone", V::kText},
        {"warranty_end", "u.contract_warranty_end", V::kDate},
        {"accepted_on", "u.accepted_on", V::kDate},
        {"accepted_by", "u.accepted_by", V::kText},
        {"odometer_km", "u.odometer_km", V::kInteger},
        {"odometer_on", "u.odometer_on", V::kDate}}},
      {"unit-notes",
       "the archive's history notes (表1 B and E)",
       "at",
       "n.at",
       Dated::kInstant,
       "unit_note n JOIN unit u ON u.id = n.unit_id",
       "n.id",
       {{"id", "n.id", V::kInteger},
        {"unit", "u.serial", V::kText},
        {"kind", "n.kind", V::kText},
        {"text", "n.text", V::kText},
        {"at", "n.at", V::kInstant},
        {"actor", "n.actor", V::kText}}},
      {"tickets",
       "service requests (售后服务申请单, 表3)",
       "reported_at",
       "t.reported_at",
       Dated::kInstant,
       "ticket t JOIN unit u ON u.id = t.unit_id JOIN customer c ON c.id = t.customer_id",
       "t.id",
       {{"number", "t.number", V::kText},
        {"unit", "u.serial", V::kText},
        {"customer", "c.code", V::kText},
        {"channel", "t.channel", V::kText},
        {"category", "t.category", V::kText},
        {"description", "t.description", V::kText},
        {"reported_at", "t.reported_at", V::kInstant},
        {"km", "t.km", V::kInteger},
        {"coverage", "t.coverage", V::kText},
        {"coverage_reason", "t.coverage_reason", V::kText},
        {"priority", "t.priority", V::kText},
        {"due_at", "t.due_at", V::kInstant},
        {"state", "t.state", V::kText},
        {"assignee", "t.assignee", V::kText},
        {"analysis", "t.analysis", V::kText},
        {"needs_factory", "t.needs_factory", V::kFlag},
        {"quality_claim", "t.quality_claim", V::kFlag},
        {"quality_confirmed", "t.quality_confirmed", V::kFlag},
        {"waiver_requested", "t.waiver_requested", V::kFlag},
        {"waiver_reason", "t.waiver_reason", V::kText},
        {"free_repair", "t.free_repair", V::kFlag},
        {"contract_no", "t.contract_no", V::kText},
        {"cancel_reason", "t.cancel_reason", V::kText},
        {"advice", "t.advice", V::kText},
        {"visit_due_on", "t.visit_due_on", V::kDate},
        {"opened_by", "t.opened_by", V::kText}}},
      {"cost-lines", "the estimated or quoted lines of tickets (表5, 维修项目表)", "reported_at",
       "t.reported_at", Dated::kInstant, "ticket_cost_line l JOIN ticket t ON t.id = l.ticket_id",
       "t.id, l.position", kCostLineColumns},
      {"actual-lines", "what services really cost, from their work records (表6)", "reported_at",
       "t.reported_at", Dated::kInstant, "ticket_actual_line l JOIN ticket t ON t.id = l.ticket_id",
       "t.id, l.position", kCostLineColumns},
      {"work-records",
       "signed work records (维修记录, 表6), the current version",
       "arrived_at",
       "w.arrived_at",
       Dated::kInstant,
       "work_record w JOIN ticket t ON t.id = w.ticket_id",
       "t.id",
       {{"ticket", "t.number", V::kText},
        {"version", "w.version", V::kInteger},
        {"technicians", "w.technicians", V::kText},
        {"arrived_at", "w.arrived_at", V::kInstant},
        {"finished_at", "w.finished_at", V::kInstant},
        {"work_done", "w.work_done", V::kText},
        {"labour_hours_centi", "w.labour_hours_centi", V::kInteger},
        {"travel", "w.travel_fen", V::kFen},
        {"km", "w.km", V::kInteger},
        {"signed_by", "w.signed_by", V::kText},
        {"signed_at", "w.signed_at", V::kInstant},
        {"sealed", "w.sealed", V::kFlag}}},
      {"pauses",
       "SLA pauses of tickets",
       "from",
       "p.from_at",
       Dated::kInstant,
       "ticket_pause p JOIN ticket t ON t.id = p.ticket_id",
       "p.id",
       {{"id", "p.id", V::kInteger},
        {"ticket", "t.number", V::kText},
        {"from", "p.from_at", V::kInstant},
        {"to", "p.to_at", V::kInstant},
        {"reason", "p.reason", V::kText}}},
      {"approvals",
       "approvals of every form (表4, 表5, 表11, gate passes ...)",
       "requested_at",
       "a.requested_at",
       Dated::kInstant,
       "approval a",
       "a.id",
       {{"id", "a.id", V::kInteger},
        {"form", "a.form", V::kText},
        {"subject_kind", "a.subject_kind", V::kText},
        {"subject", "a.subject_id", V::kText},
        {"chain", "a.chain", V::kText},
        {"state", "a.state", V::kText},
        {"requested_by", "a.requested_by", V::kText},
        {"requested_at", "a.requested_at", V::kInstant},
        {"summary", "a.summary", V::kText},
        {"amount", "a.amount_fen", V::kFen}}},
      {"signatures",
       "the signatures of approvals",
       "at",
       "g.at",
       Dated::kInstant,
       "approval_signature g",
       "g.approval_id, g.step",
       {{"approval", "g.approval_id", V::kInteger},
        {"step", "g.step", V::kInteger},
        {"role", "g.role", V::kText},
        {"signer", "g.signer", V::kText},
        {"approved", "g.approved", V::kFlag},
        {"at", "g.at", V::kInstant},
        {"comment", "g.comment", V::kText}}},
      {"parts",
       "the spare parts catalogue (备件)",
       "",
       "",
       Dated::kNo,
       "part p",
       "p.number",
       {{"number", "p.number", V::kText},
        {"name", "p.name", V::kText},
        {"spec", "p.spec", V::kText},
        {"unit", "p.unit", V::kText},
        {"price", "p.unit_price_fen", V::kFen},
        {"major", "p.major", V::kFlag},
        {"reorder_level", "p.reorder_level", V::kInteger}}},
      {"stock-moves",
       "every move of stock: receipts, issues, adjustments, returns",
       "at",
       "s.at",
       Dated::kInstant,
       "stock_move s JOIN part p ON p.id = s.part_id",
       "s.id",
       {{"id", "s.id", V::kInteger},
        {"part", "p.number", V::kText},
        {"warehouse", "s.warehouse", V::kText},
        {"kind", "s.kind", V::kText},
        {"quantity", "s.quantity", V::kInteger},
        {"at", "s.at", V::kInstant},
        {"actor", "s.actor", V::kText},
        {"reference", "s.reference", V::kText},
        {"reason", "s.reason", V::kText}}},
      {"issue-requests",
       "warranty part issue requests (表11)",
       "requested_at",
       "i.requested_at",
       Dated::kInstant,
       "part_issue i JOIN ticket t ON t.id = i.ticket_id",
       "i.id",
       {{"number", "i.number", V::kText},
        {"ticket", "t.number", V::kText},
        {"warehouse", "i.warehouse", V::kText},
        {"state", "i.state", V::kText},
        {"requested_by", "i.requested_by", V::kText},
        {"requested_at", "i.requested_at", V::kInstant},
        {"freight", "i.freight_fen", V::kFen},
        {"shipped_by", "i.shipped_by", V::kText},
        {"shipped_at", "i.shipped_at", V::kInstant}}},
      {"issue-lines",
       "the lines of part issue requests (备件领料单)",
       "requested_at",
       "i.requested_at",
       Dated::kInstant,
       "part_issue_line l JOIN part_issue i ON i.id = l.issue_id JOIN part p ON p.id = l.part_id",
       "i.id, l.position",
       {{"issue", "i.number", V::kText},
        {"position", "l.position", V::kInteger},
        {"part", "p.number", V::kText},
        {"quantity", "l.quantity", V::kInteger},
        {"unit_price", "l.unit_price_fen", V::kFen},
        {"requested_at", "i.requested_at", V::kInstant}}},
      {"gate-passes",
       "gate passes (出门证)",
       "raised_at",
       "g.raised_at",
       Dated::kInstant,
       "gate_pass g",
       "g.number",
       {{"number", "g.number", V::kText},
        {"subject_kind", "g.subject_kind", V::kText},
        {"subject", "g.subject_id", V::kText},
        {"value", "g.value_fen", V::kFen},
        {"raised_by", "g.raised_by", V::kText},
        {"raised_at", "g.raised_at", V::kInstant}}},
      {"sales",
       "part sales",
       "sold_on",
       "s.sold_on",
       Dated::kDate,
       "part_sale s JOIN customer c ON c.id = s.customer_id",
       "s.number",
       {{"number", "s.number", V::kText},
        {"customer", "c.code", V::kText},
        {"sold_on", "s.sold_on", V::kDate},
        {"sold_by", "s.sold_by", V::kText},
        {"freight", "s.freight_fen", V::kFen},
        {"pickup", "s.pickup", V::kFlag},
        {"contract", "s.contract", V::kText},
        {"credit", "s.credit", V::kFlag},
        {"guarantee", "s.guarantee", V::kText},
        {"large", "s.large", V::kFlag},
        {"total", "s.total_fen", V::kFen},
        {"shipped_at", "s.shipped_at", V::kInstant}}},
      {"sale-lines",
       "the lines of part sales",
       "sold_on",
       "s.sold_on",
       Dated::kDate,
       "part_sale_line l JOIN part_sale s ON s.id = l.sale_id JOIN part p ON p.id = l.part_id",
       "s.number, l.position",
       {{"sale", "s.number", V::kText},
        {"position", "l.position", V::kInteger},
        {"part", "p.number", V::kText},
        {"quantity", "l.quantity", V::kInteger},
        {"unit_price", "l.unit_price_fen", V::kFen},
        {"sold_on", "s.sold_on", V::kDate}}},
      {"payments",
       "payments received for part sales",
       "paid_on",
       "y.paid_on",
       Dated::kDate,
       "part_sale_payment y JOIN part_sale s ON s.id = y.sale_id",
       "y.id",
       {{"id", "y.id", V::kInteger},
        {"sale", "s.number", V::kText},
        {"amount", "y.amount_fen", V::kFen},
        {"paid_on", "y.paid_on", V::kDate},
        {"recorded_at", "y.recorded_at", V::kInstant},
        {"recorded_by", "y.recorded_by", V::kText}}},
      {"promises",
       "promises to pay for part sales",
       "promised_on",
       "r.promised_on",
       Dated::kDate,
       "part_sale_promise r JOIN part_sale s ON s.id = r.sale_id",
       "r.id",
       {{"id", "r.id", V::kInteger},
        {"sale", "s.number", V::kText},
        {"promised_on", "r.promised_on", V::kDate},
        {"recorded_at", "r.recorded_at", V::kInstant},
        {"recorded_by", "r.recorded_by", V::kText}}},
      {"returns",
       "failed parts owed back to the factory (表12)",
       "owed_since",
       "r.owed_since",
       Dated::kDate,
       "part_return r JOIN ticket t ON t.id = r.ticket_id JOIN part p ON p.id = r.part_id",
       "r.id",
       {{"id", "r.id", V::kInteger},
        {"number", "r.number", V::kText},
        {"ticket", "t.number", V::kText},
        {"part", "p.number", V::kText},
        {"quantity", "r.quantity", V::kInteger},
        {"unit_price", "r.unit_price_fen", V::kFen},
        {"owed_since", "r.owed_since", V::kDate},
        {"received_on", "r.received_on", V::kDate},
        {"wrong", "r.wrong", V::kFlag},
        {"result", "r.result", V::kText},
        {"inspection_note", "r.inspection_note", V::kText},
        {"inspected_by", "r.inspected_by", V::kText}}},
      {"urgent-requests",
       "urgent part requests (表13)",
       "requested_at",
       "r.requested_at",
       Dated::kInstant,
       "urgent_request r JOIN ticket t ON t.id = r.ticket_id LEFT JOIN part p ON p.id = r.part_id",
       "r.number",
       {{"number", "r.number", V::kText},
        {"ticket", "t.number", V::kText},
        {"description", "r.description", V::kText},
        {"part", "p.number", V::kText},
        {"quantity", "r.quantity", V::kInteger},
        {"reason", "r.reason", V::kText},
        {"state", "r.state", V::kText},
        {"requested_at", "r.requested_at", V::kInstant},
        {"requested_by", "r.requested_by", V::kText},
        {"plan", "r.plan", V::kText}}},
      {"purchase-plans",
       "purchase plans of large orders and urgent requests",
       "raised_at",
       "p.raised_at",
       Dated::kInstant,
       "purchase_plan p",
       "p.number",
       {{"number", "p.number", V::kText},
        {"origin", "p.origin", V::kText},
        {"state", "p.state", V::kText},
        {"raised_at", "p.raised_at", V::kInstant},
        {"raised_by", "p.raised_by", V::kText},
        {"received_at", "p.received_at", V::kInstant},
        {"received_by", "p.received_by", V::kText},
        {"warehouse", "p.warehouse", V::kText}}},
      {"purchase-lines",
       "the lines of purchase plans",
       "raised_at",
       "p.raised_at",
       Dated::kInstant,
       "purchase_plan_line l JOIN purchase_plan p ON p.id = l.plan_id "
       "LEFT JOIN part x ON x.id = l.part_id",
       "p.number, l.position",
       {{"plan", "p.number", V::kText},
        {"position", "l.position", V::kInteger},
        {"part", "x.number", V::kText},
        {"description", "l.description", V::kText},
        {"quantity", "l.quantity", V::kInteger},
        {"raised_at", "p.raised_at", V::kInstant}}},
      {"visits",
       "follow-up visits (回访记录, 表2)",
       "visited_on",
       "v.visited_on",
       Dated::kDate,
       "visit v LEFT JOIN unit u ON u.id = v.unit_id LEFT JOIN customer c ON c.id = "
       "v.customer_id LEFT JOIN ticket t ON t.id = v.ticket_id",
       "v.number",
       {{"number", "v.number", V::kText},
        {"unit", "u.serial", V::kText},
        {"customer", "c.code", V::kText},
        {"reason", "v.reason", V::kText},
        {"ticket", "t.number", V::kText},
        {"visited_on", "v.visited_on", V::kDate},
        {"visited_at", "v.visited_at", V::kInstant},
        {"visited_by", "v.visited_by", V::kText},
        {"score_structure", "v.score_structure", V::kInteger},
        {"score_appearance", "v.score_appearance", V::kInteger},
        {"score_delivery", "v.score_delivery", V::kInteger},
        {"score_price", "v.score_price", V::kInteger},
        {"score_service", "v.score_service", V::kInteger},
        {"suggestion", "v.suggestion", V::kText},
        {"due_on", "v.settled_due_on", V::kDate},
        {"days_late", "v.days_late", V::kInteger},
        {"recorded_by", "v.recorded_by", V::kText}}},
      {"surveys",
       "annual satisfaction surveys (表9)",
       "surveyed_at",
       "s.surveyed_at",
       Dated::kInstant,
       "survey s JOIN customer c ON c.id = s.customer_id",
       "s.year, c.code",
       {{"customer", "c.code", V::kText},
        {"year", "s.year", V::kInteger},
        {"score_structure", "s.score_structure", V::kInteger},
        {"score_appearance", "s.score_appearance", V::kInteger},
        {"score_delivery", "s.score_delivery", V::kInteger},
        {"score_price", "s.score_price", V::kInteger},
        {"score_service", "s.score_service", V::kInteger},
        {"suggestion", "s.suggestion", V::kText},
        {"surveyed_at", "s.surveyed_at", V::kInstant},
        {"recorded_by", "s.recorded_by", V::kText}}},
      {"complaints",
       "customer complaints and suggestions (客户投诉)",
       "opened_at",
       "k.opened_at",
       Dated::kInstant,
       "complaint k JOIN customer c ON c.id = k.customer_id LEFT JOIN unit u ON u.id = k.unit_id "
       "LEFT JOIN ticket t ON t.id = k.ticket_id",
       "k.number",
       {{"number", "k.number", V::kText},
        {"kind", "k.kind", V::kText},
        {"customer", "c.code", V::kText},
        {"unit", "u.serial", V::kText},
        {"ticket", "t.number", V::kText},
        {"category", "k.category", V::kText},
        {"text", "k.text", V::kText},
        {"opened_at", "k.opened_at", V::kInstant},
        {"deadline", "k.deadline", V::kDate},
        {"opened_by", "k.opened_by", V::kText},
        {"closed_at", "k.closed_at", V::kInstant},
        {"resolution", "k.resolution", V::kText},
        {"confirmed_by", "k.confirmed_by", V::kText},
        {"closed_by", "k.closed_by", V::kText}}},
      {"training",
       "handover training of delivered units (新车交接培训)",
       "trained_on",
       "r.trained_on",
       Dated::kDate,
       "training_record r JOIN unit u ON u.id = r.unit_id",
       "r.id",
       {{"id", "r.id", V::kInteger},
        {"unit", "u.serial", V::kText},
        {"trained_on", "r.trained_on", V::kDate},
        {"trainer", "r.trainer", V::kText},
        {"passed", "r.passed", V::kFlag},
        {"note", "r.note", V::kText},
        {"recorded_by", "r.recorded_by", V::kText}}},
      {"attachments",
       "signed scans kept with their records (PDF, JPEG, PNG): metadata, not the bytes",
       "attached_at",
       "f.attached_at",
       Dated::kInstant,
       "attachment f",
       "f.id",
       {{"id", "f.id", V::kInteger},
        {"entity", "f.entity", V::kText},
        {"record", "f.record", V::kText},
        {"file", "f.file_name", V::kText},
        {"type", "f.media_type", V::kText},
        {"size", "f.size", V::kInteger},
        {"sha256", "f.sha256", V::kText},
        {"form", "f.form", V::kText},
        {"note", "f.note", V::kText},
        {"attached_at", "f.attached_at", V::kInstant},
        {"attached_by", "f.attached_by", V::kText}}},
      {"audit-log",
       "the audit trail: every change, who made it and when",
       "at",
       "a.at",
       Dated::kInstant,
       "audit_log a",
       "a.id",
       {{"id", "a.id", V::kInteger},
        {"at", "a.at", V::kInstant},
        {"actor", "a.actor", V::kText},
        {"login", "a.login", V::kText},
        {"entity", "a.entity", V::kText},
        {"entity_id", "a.entity_id", V::kText},
        {"action", "a.action", V::kText},
        {"before", "a.before", V::kText},
        {"after", "a.after", V::kText},
        {"business_at", "a.business_at", V::kInstant}}},
      {"import-batches",
       "import batches (import revert undoes one)",
       "at",
       "b.at",
       Dated::kInstant,
       "import_batch b",
       "b.id",
       {{"id", "b.id", V::kInteger},
        {"entity", "b.entity", V::kText},
        {"files", "b.files", V::kText},
        {"mode", "b.mode", V::kText},
        {"new_rows", "b.new_rows", V::kInteger},
        {"unchanged", "b.unchanged", V::kInteger},
        {"updated", "b.updated", V::kInteger},
        {"rejected", "b.rejected", V::kInteger},
        {"actor", "b.actor", V::kText},
        {"login", "b.login", V::kText},
        {"at", "b.at", V::kInstant},
        {"reverted_at", "b.reverted_at", V::kInstant},
        {"reverted_by", "b.reverted_by", V::kText}}},
  };
  return entities;
}

const EntityDef* find_entity(const std::string& name) {
  for (const EntityDef& entity : catalogue()) {
    if (name == entity.name) return &entity;
  }
  return nullptr;
}

ColumnKind kind_of(Value value) {
  switch (value) {
    case Value::kText:
      return ColumnKind::kText;
    case Value::kInteger:
      return ColumnKind::kNumber;
    case Value::kFen:
      return ColumnKind::kMoney;
    case Value::kDate:
      return ColumnKind::kDate;
    case Value::kInstant:
      return ColumnKind::kTime;
    case Value::kFlag:
      return ColumnKind::kFlag;
  }
  return ColumnKind::kText;
}

// The SELECT of an entity with the span's bounds as ?1.. in the order given: only the bounds
// present are written, so the date's index (where there is one) applies.
std::string select_of(const EntityDef& entity, const ExportSpan& span,
                      std::vector<std::variant<std::int64_t, std::string>>& values) {
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < entity.columns.size(); ++i) {
    if (i > 0) sql += ", ";
    sql += entity.columns[i].sql;
  }
  sql += " FROM ";
  sql += entity.from;
  std::vector<std::string> conditions;
  const auto bound = [&](const char* op, std::variant<std::int64_t, std::string> value) {
    values.push_back(std::move(value));
    conditions.push_back(fmt::format("{} {} ?{}", entity.date_sql, op, values.size()));
  };
  if (entity.dated == Dated::kInstant) {
    if (span.from_time) bound(">=", span.from_time->seconds);
    if (span.to_time) bound("<", span.to_time->seconds);
  } else if (entity.dated == Dated::kDate) {
    if (span.from_date) bound(">=", format_date(*span.from_date));
    if (span.to_date) bound("<", format_date(*span.to_date));
  }
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  }
  sql += " ORDER BY ";
  sql += entity.order;
  return sql;
}

}  // namespace

void SqlExportStore::each_row(const std::string& name, const ExportSpan& span, UtcOffset zone,
                              const std::function<void(const std::vector<Cell>&)>& visit) {
  const EntityDef* entity = find_entity(name);
  if (entity == nullptr) {
    throw Error(ErrorCode::kUsage, fmt::format("cannot export \"{}\": no such entity", name),
                "run `aftersales export` for the list");
  }
  if (entity->dated == Dated::kNo && span.any()) {
    throw Error(ErrorCode::kUsage,
                fmt::format("{} have no business date: --month and --since do not apply", name),
                fmt::format("export all {} without --month and --since", name));
  }
  guarded("exporting " + name, [&] {
    std::vector<std::variant<std::int64_t, std::string>> values;
    Query query = db_.prepare(select_of(*entity, span, values));
    bind_all(*query, values);
    const std::size_t count = entity->columns.size();
    std::vector<Cell> row(count);
    while (query->step()) {
      for (std::size_t c = 0; c < count; ++c) {
        const int column = static_cast<int>(c);
        if (query->is_null(column)) {
          row[c] = Cell{};
          continue;
        }
        switch (entity->columns[c].value) {
          case Value::kText:
            text_cell(row[c]).assign(query->text_view(column));
            break;
          case Value::kInteger:
            row[c] = query->int64(column);
            break;
          case Value::kFen:
            row[c] = Money{query->int64(column)};
            break;
          case Value::kDate: {
            const std::string_view text = query->text_view(column);
            const std::optional<Date> date = parse_date(text);
            if (date) {
              row[c] = *date;
            } else {
              text_cell(row[c]).assign(text);
            }
            break;
          }
          case Value::kInstant: {
            std::string& text = text_cell(row[c]);
            text.clear();
            append_timestamp(text, Timestamp{query->int64(column)}, zone);
            break;
          }
          case Value::kFlag:
            row[c] = query->int64(column) != 0;
            break;
        }
      }
      visit(row);
    }
  });
}

}  // namespace aftersales::store

namespace aftersales {

const std::vector<ExportEntity>& export_entities() {
  static const std::vector<ExportEntity> entities = [] {
    std::vector<ExportEntity> all;
    for (const auto& entity : store::catalogue()) {
      all.push_back(ExportEntity{entity.name, entity.description, entity.date_field});
    }
    return all;
  }();
  return entities;
}

std::optional<std::vector<Column>> export_columns(const std::string& name) {
  const store::EntityDef* entity = store::find_entity(name);
  if (entity == nullptr) return std::nullopt;
  std::vector<Column> columns;
  for (const auto& column : entity->columns) {
    columns.push_back(Column{column.key, "", store::kind_of(column.value)});
  }
  return columns;
}

}  // namespace aftersales
