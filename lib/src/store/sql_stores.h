// The areas' ports written in SQL once, against the engine port (private to lib/src/store).
// Each class holds the engine and the import stamp it shares with the others; none holds
// state of its own.
#pragma once

#include <cstdint>
#include <optional>

#include "aftersales/store/store.h"
#include "store/engine/database.h"

namespace aftersales::store {

// The batch that stamps the rows written now: set while an import session is open.
struct ImportStamp {
  std::optional<std::int64_t> batch;
};

// Binds a ticket's work state, what changes after intake, to ?1..?15 in the column order of
// AFTERSALES_TICKET_INSERT (state, resume_state, assignee, analysis, needs_factory,
// quality_claim, quality_confirmed, waiver_requested, waiver_reason, free_repair, itemised,
// contract_no, returned_reason, cancel_reason, visit_due_on): the ticket inserts and the stage.
void bind_ticket_work(Statement& statement, const Ticket& ticket);

class SqlPartStore final : public PartStore {
 public:
  SqlPartStore(Database& db, const ImportStamp& stamp) : db_(db), stamp_(stamp) {}

  std::optional<Part> find(const std::string& number) override;
  void each(const std::function<void(const Part&, std::int64_t on_hand)>& visit) override;
  void insert(Part& part) override;
  void update(const Part& part) override;
  void remove(const std::string& number) override;
  std::int64_t on_hand(std::int64_t part_id, const std::string& warehouse) override;
  void insert_move(StockMove& move) override;
  std::optional<StockMove> find_move(std::int64_t id) override;
  std::optional<StockMove> last_move(const std::string& part,
                                     const std::string& warehouse) override;
  void remove_move(std::int64_t id) override;
  void each_level(const StockFilter& filter,
                  const std::function<void(const StockLevel&)>& visit) override;
  std::vector<StockMove> moves(const StockFilter& filter, int limit) override;

 private:
  Database& db_;
  const ImportStamp& stamp_;
};

class SqlShipmentStore final : public ShipmentStore {
 public:
  explicit SqlShipmentStore(Database& db) : db_(db) {}

  std::int64_t next_number_in_year(const std::string& series, int year) override;
  std::optional<IssueRequest> find_issue(const std::string& number) override;
  std::vector<IssueRequest> list_issues(const std::optional<std::string>& ticket) override;
  void insert_issue(IssueRequest& request) override;
  void update_issue(const IssueRequest& request) override;
  void insert_gate_pass(GatePass& pass) override;
  std::optional<GatePass> find_gate_pass(const GatePassSubject& subject) override;
  std::optional<GatePass> find_gate_pass_by_number(const std::string& number) override;
  std::vector<GatePass> list_gate_passes() override;
  std::int64_t lines_shipped(Timestamp from, Timestamp to) override;

 private:
  void load_lines(IssueRequest& request);

  Database& db_;
};

class SqlPartReturnStore final : public PartReturnStore {
 public:
  explicit SqlPartReturnStore(Database& db) : db_(db) {}

  std::vector<PartUsed> parts_used(std::int64_t ticket_id) override;
  void replace_parts_used(std::int64_t ticket_id, const std::vector<PartUsed>& parts) override;
  std::vector<PartReturn> returns_of(std::int64_t ticket_id) override;
  std::optional<PartReturn> find_return(std::int64_t id) override;
  std::optional<PartReturn> find_return_by_number(const std::string& number) override;
  void each_return(const std::function<void(const PartReturn&)>& visit) override;
  std::int64_t count_wrong_received(Date from, Date to) override;
  void each_return_out(Date owed_by, Date as_of,
                       const std::function<void(const PartReturn&)>& visit) override;
  void insert_return(std::int64_t ticket_id, PartReturn& line) override;
  void update_return(const PartReturn& line) override;
  void remove_return(std::int64_t id) override;
  std::int64_t next_return_number(int year) override;

 private:
  Database& db_;
};

class SqlSearchStore final : public SearchStore {
 public:
  explicit SqlSearchStore(Database& db) : db_(db) {}

  std::vector<SearchHit> find(const std::vector<search::QueryPhrase>& phrases,
                              const SearchFilter& filter) override;
  void each_repair(std::int64_t model_id, const std::string& category,
                   std::int64_t except_ticket_id, int limit,
                   const std::function<void(SearchHit&)>& visit) override;
  void check_rows(const std::function<void(const SearchRowProblem&)>& each) override;
  std::int64_t rebuild() override;

 private:
  Database& db_;
};

class SqlAttachmentStore final : public AttachmentStore {
 public:
  explicit SqlAttachmentStore(Database& db) : db_(db) {}

  void insert(Attachment& attachment, const std::string& content) override;
  std::optional<Attachment> find(std::int64_t id) override;
  std::optional<std::string> content(std::int64_t id) override;
  void each_of(const std::string& entity, const std::string& record,
               const std::function<void(const Attachment&)>& visit) override;
  void each_with_content(
      const std::function<void(const Attachment&, const std::string& content)>& visit) override;

 private:
  Database& db_;
};

class SqlNameStore final : public NameStore {
 public:
  explicit SqlNameStore(Database& db) : db_(db) {}
  std::vector<std::string> names(NameKind kind, const std::string& prefix, int limit) override;

 private:
  Database& db_;
};

class SqlCareStore final : public CareStore {
 public:
  SqlCareStore(Database& db, const ImportStamp& stamp) : db_(db), stamp_(stamp) {}

  std::optional<Survey> find_survey(const std::string& customer, int year) override;
  std::vector<Survey> list_surveys(const std::optional<int>& year) override;
  void insert_survey(Survey& survey) override;
  void remove_survey(const std::string& customer, int year) override;
  std::optional<Complaint> find_complaint(const std::string& number) override;
  std::vector<Complaint> list_complaints() override;
  std::vector<Complaint> complaints_of_unit(const std::string& serial) override;
  void insert_complaint(Complaint& complaint) override;
  void update_complaint(const Complaint& complaint) override;
  std::vector<TrainingRecord> list_training() override;
  std::vector<TrainingRecord> training_of_unit(const std::string& serial) override;
  void insert_training(TrainingRecord& record) override;
  void remove_training(std::int64_t id) override;

 private:
  Database& db_;
  const ImportStamp& stamp_;
};

class SqlArchiveStore final : public ArchiveStore {
 public:
  SqlArchiveStore(Database& db, const ImportStamp& stamp) : db_(db), stamp_(stamp) {}

  std::optional<Customer> find_customer(const std::string& code) override;
  std::vector<Customer> list_customers() override;
  void insert_customer(Customer& customer) override;
  void update_customer(const Customer& customer) override;
  void remove_customer(const std::string& code) override;

  std::optional<Model> find_model(const std::string& code) override;
  std::vector<Model> list_models() override;
  void insert_model(Model& model) override;
  void update_model(const Model& model) override;
  void remove_model(const std::string& code) override;

  std::optional<Unit> find_unit(const std::string& serial) override;
  std::vector<Unit> list_units(const UnitFilter& filter) override;
  void each_unit(const UnitFilter& filter, const std::function<void(const Unit&)>& visit) override;
  std::vector<Unit> find_units_by_other_number(const std::string& number) override;
  void search_units(const std::string& text,
                    const std::function<void(const UnitNumberHit&)>& each) override;
  void insert_unit(Unit& unit) override;
  void update_unit(const Unit& unit) override;
  void set_unit_completed(const std::string& serial,
                          const std::optional<Timestamp>& completed_at) override;
  void remove_unit(const std::string& serial) override;

  void insert_unit_note(UnitNote& note) override;
  std::vector<UnitNote> list_unit_notes(const std::string& serial) override;

 private:
  std::int64_t id_of(const char* sql, const std::string& key, const char* what);

  Database& db_;
  const ImportStamp& stamp_;
};

class SqlTicketStore final : public TicketStore {
 public:
  SqlTicketStore(Database& db, const ImportStamp& stamp) : db_(db), stamp_(stamp) {}

  std::int64_t next_number_in_year(int year) override;
  void raise_sequence(int year, std::int64_t at_least) override;
  std::optional<Ticket> find(const std::string& number) override;
  std::optional<std::string> find_same_call(const std::string& serial, Timestamp reported_at,
                                            const std::string& description) override;
  std::vector<Ticket> list(const TicketFilter& filter) override;
  void each(const TicketFilter& filter, const std::function<void(TicketListing&)>& visit) override;
  std::vector<ReportedCount> count_reported(Timestamp from, Timestamp to) override;
  std::vector<ClosedCost> closed_costs(Timestamp from, Timestamp to) override;
  ArrivalCount warranty_arrivals(Timestamp from, Timestamp to) override;
  std::vector<QualityCount> count_quality_problems(Timestamp from, Timestamp to, UtcOffset zone,
                                                   int new_unit_months) override;
  std::vector<QualityPartCount> quality_parts(Timestamp from, Timestamp to, UtcOffset zone,
                                              int new_unit_months) override;
  void insert(Ticket& ticket) override;
  bool insert_if_new(Ticket& ticket) override;
  std::unique_ptr<TicketStage> open_stage() override;
  void update(const Ticket& ticket) override;
  void update_intake(const Ticket& ticket) override;
  void remove(const std::string& number) override;
  std::vector<OdometerReading> odometer_readings(const std::string& serial) override;
  std::vector<CostLine> cost_lines(std::int64_t ticket_id) override;
  void replace_cost_lines(std::int64_t ticket_id, const std::vector<CostLine>& lines) override;
  std::vector<CostLine> actual_lines(std::int64_t ticket_id) override;
  void replace_actual_lines(std::int64_t ticket_id, const std::vector<CostLine>& lines) override;
  std::vector<Pause> pauses(std::int64_t ticket_id) override;
  void insert_pause(std::int64_t ticket_id, const Pause& pause) override;
  void end_open_pause(std::int64_t ticket_id, Timestamp to) override;
  std::optional<WorkRecord> find_work_record(std::int64_t ticket_id) override;
  void insert_work_record(std::int64_t ticket_id, const WorkRecord& record) override;
  void replace_work_record(std::int64_t ticket_id, const WorkRecord& record, Timestamp replaced_at,
                           const std::string& replaced_by) override;
  std::vector<ReplacedWorkRecord> replaced_work_records(std::int64_t ticket_id) override;

 private:
  bool insert_row(Ticket& ticket, const char* sql);
  // Writes a new ticket's search row, unless an import is open (it writes them as it ends).
  void index_for_search(std::int64_t ticket_id);

  Database& db_;
  const ImportStamp& stamp_;
};

class SqlApprovalStore final : public ApprovalStore {
 public:
  explicit SqlApprovalStore(Database& db) : db_(db) {}

  std::optional<Approval> find(std::int64_t id) override;
  std::vector<Approval> list(const ApprovalFilter& filter) override;
  void insert(Approval& approval) override;
  void set_state(std::int64_t id, ApprovalState state) override;
  void insert_signature(std::int64_t approval_id, const Signature& signature) override;

 private:
  Database& db_;
};

class SqlImportStore final : public ImportStore {
 public:
  SqlImportStore(Database& db, ImportStamp& stamp) : db_(db), stamp_(stamp) {}

  void insert_batch(ImportBatch& batch) override;
  void update_batch(const ImportBatch& batch) override;
  std::optional<ImportBatch> find_batch(std::int64_t id) override;
  std::vector<ImportBatch> list_batches() override;
  std::unique_ptr<ImportSession> open_session(ImportEntity entity, std::int64_t batch) override;
  std::vector<std::string> keys_in_batch(ImportEntity entity, std::int64_t batch) override;
  std::optional<ImportBefore> before(std::int64_t batch, const std::string& key) override;
  std::optional<std::int64_t> later_batch_over(std::int64_t batch) override;

 private:
  Database& db_;
  ImportStamp& stamp_;
};

class SqlRulebookStore final : public RulebookStore {
 public:
  explicit SqlRulebookStore(Database& db) : db_(db) {}

  std::optional<StoredRulebook> current() override;
  void append(StoredRulebook& rulebook) override;

 private:
  Database& db_;
};

class SqlAuditStore final : public AuditStore {
 public:
  explicit SqlAuditStore(Database& db) : db_(db) {}

  void append(AuditEntry& entry) override;
  std::vector<AuditEntry> query(const AuditQuery& query) override;
  void each(const AuditQuery& query, const std::function<void(const AuditEntry&)>& visit) override;

 private:
  Database& db_;
};

class SqlLedgerCheckStore final : public LedgerCheckStore {
 public:
  explicit SqlLedgerCheckStore(Database& db) : db_(db) {}

  EngineIntegrity engine_integrity() override;
  void tickets_without_signed_record(
      TicketState state, const std::function<void(const UnsignedTicket&)>& each) override;
  std::vector<TicketKey> started_tickets_after(std::int64_t after_id, int limit) override;
  void unaudited_records(const std::function<void(const RecordKey&)>& each) override;
  void negative_stock(const std::function<void(const NegativeStock&)>& each) override;
  void unaudited_approvals(const std::function<void(std::int64_t)>& each) override;
  void unaudited_batches(const std::function<void(const UnauditedBatch&)>& each) override;
  void batch_counts(const std::function<void(const BatchCounts&)>& each) override;

 private:
  Database& db_;
};

}  // namespace aftersales::store
