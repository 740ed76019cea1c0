// Units and their factory archive (产品出厂档案, 表1): registering shipped products, changing
// them, acceptance, history notes, and reading the whole archive. Every change is audited.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/audit/audit_entry.h"
#include "aftersales/care/complaints.h"
#include "aftersales/care/training.h"
#include "aftersales/core/context.h"
#include "aftersales/core/validation.h"
#include "aftersales/customers/customer.h"
#include "aftersales/models/model.h"
#include "aftersales/tickets/ticket.h"
#include "aftersales/units/unit.h"
#include "aftersales/units/warranty.h"

namespace aftersales {

// Values as typed or imported (dates and numbers as text, read by the core); nullopt: not
// given. An empty text clears an optional field.
struct UnitFields {
  std::optional<std::string> model;     // model code (required to add)
  std::optional<std::string> customer;  // customer code (required to add); edit: change owner
  std::optional<std::string> shipped;   // 出厂日期 (required to add), not after today
  std::optional<std::string> vin;       // 底盘号
  std::optional<std::string> engine;    // 发动机编号
  std::optional<std::string> plate;     // 车号
  std::optional<std::string> config;    // 主要配置
  std::optional<std::string> terms;     // 服务条款
  std::optional<std::string> contact;
  std::optional<std::string> phone;
  std::optional<std::string> packing_list;  // 发运装箱单
  std::optional<std::string> warranty_end;  // the unit's own contract end
  std::optional<std::string> km;            // odometer reading today
};

// Reads the given fields into `unit`, collecting every problem in `reader`. Model and
// customer codes are only read here; whether they exist is the caller's check.
void read_unit_fields(Context& ctx, FieldReader& reader, const UnitFields& fields, Unit& unit);

// Registers a shipped unit. Needs the archive_write role. Throws Error(kInvalidInput) for a
// bad or missing field or an existing serial no., Error(kNotFound) for an unknown model or
// customer (nothing is written).
Unit add_unit(Context& ctx, const std::string& serial, const UnitFields& fields);

// Changes the given fields; a new customer is a change of owner. Errors as add_unit, plus
// Error(kNotFound) for an unknown serial no.
Unit edit_unit(Context& ctx, const std::string& serial, const UnitFields& fields);

// Every odometer reading of the unit (for odometer_conflict in units/warranty.h): the one its
// record keeps (at the start of its day) and every ticket's km (at its reported time), oldest
// first, leaving out the ticket numbered `except` (the one being changed).
std::vector<OdometerReading> odometer_readings(Context& ctx, const Unit& unit,
                                               const std::string& except = {});
// The reading the unit record keeps, at the start of its day: the first of odometer_readings();
// none when the record has no km.
std::optional<OdometerReading> unit_record_reading(Context& ctx, const Unit& unit);

// Odometer readings never go backwards (DOMAIN.md, Ticket): a problem text for the field "km"
// when `after` records a new reading (a km different from `before`'s, or a first one) that
// contradicts one of the unit's tickets or the reading it replaces, naming that reading; ""
// otherwise. The new reading is taken now. An empty km (clearing the reading) is no reading.
std::string unit_odometer_problem(Context& ctx, const Unit& before, const Unit& after);

// Records the customer's acceptance (用户验收单): the warranty then starts on that date.
// The date may not be before shipping nor after today.
Unit accept_unit(Context& ctx, const std::string& serial, const std::string& date,
                 const std::string& signer);

// Files a line into the archive's history: kind status|quality|tech-change|part-replacement
// (表1 B, E). Needs the unit_note role.
UnitNote add_unit_note(Context& ctx, const std::string& serial, const std::string& kind,
                       const std::string& text);

// The unit with that serial; Error(kNotFound) with the hint to register it.
Unit get_unit(Context& ctx, const std::string& serial);

// The unit a clerk names by any of its numbers (出厂编号, 底盘号/VIN, 车号, 发动机编号), matched
// exactly after trimming: the serial wins, else the one unit whose VIN, plate or engine no. it
// is. Error(kNotFound) when no unit carries it (hinting at `unit find`), Error(kInvalidInput)
// when several units carry it by those other numbers, naming their serials.
Unit find_unit_by_number(Context& ctx, const std::string& number);

// `unit find`: hands `each` every unit whose serial, VIN, plate or engine no. contains `text`
// (trimmed; ASCII letters compared without case), by serial, one at a time, so that memory does
// not grow with the archive. Error(kInvalidInput) for an empty text or one with control
// characters.
void find_units(Context& ctx, const std::string& text,
                const std::function<void(const UnitNumberHit&)>& each);

// R21 (2日内制成电子存档): when an archive became complete, against the filing window.
struct ArchiveFiling {
  std::optional<Date> completed_on;  // the local day; nullopt while incomplete or not known
  int days_late = 0;                 // days past [archive] complete_within_days; 0 on time
};
ArchiveFiling archive_filing(const Rules& rules, const Unit& unit);

// A service request filed into the archive (表1 "service records filed as they happen"), with
// its signed work record (表6) when there is one.
struct FiledTicket {
  Ticket ticket;
  std::optional<WorkRecord> record;
};

// The whole archive of one unit (表1) as of today.
struct UnitArchive {
  Unit unit;
  Model model;
  Customer customer;
  WarrantyStatus warranty;
  std::vector<std::string> missing;  // required fields the archive lacks
  bool filing_overdue = false;       // incomplete past rules.archive.complete_within_days
  ArchiveFiling filing;              // when it became complete, and how late
  std::vector<UnitNote> notes;
  std::vector<FiledTicket> tickets;      // oldest first
  std::vector<TrainingRecord> training;  // 新车交接培训, oldest first
  std::vector<Complaint> complaints;     // 客户投诉 naming the unit, by number
  Date today;                            // the business day it was read on
  std::vector<AuditEntry> changes;
};
// The archive of the unit named by any of its numbers (find_unit_by_number; its errors).
UnitArchive unit_archive(Context& ctx, const std::string& number);

struct UnitQuery {
  std::optional<std::string> model;     // model code; Error(kNotFound) when unknown
  std::optional<std::string> customer;  // customer code; Error(kNotFound) when unknown
  bool in_warranty = false;             // only units in warranty today
  bool incomplete = false;  // only units shipped over complete_within_days ago, incomplete
  bool late = false;        // only archives that became complete after complete_within_days
};

struct UnitSummary {
  Unit unit;
  std::string customer_name;
  WarrantyStatus warranty;
  std::vector<std::string> missing;
  ArchiveFiling filing;
};

// Units by serial no., with their warranty today and missing archive fields.
std::vector<UnitSummary> list_units(Context& ctx, const UnitQuery& query);
// The same units handed to `visit` one by one as the store reads them (`unit list` streams).
void each_unit(Context& ctx, const UnitQuery& query,
               const std::function<void(const UnitSummary&)>& visit);

}  // namespace aftersales
