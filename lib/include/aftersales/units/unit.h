// The unit: one shipped product and its factory archive (产品出厂档案, 表1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/time.h"

namespace aftersales {

struct Unit {
  std::int64_t id = 0;
  std::string serial;         // 出厂编号, the natural key
  std::string model_code;     // 车型
  std::string customer_code;  // 客户单位
  std::string vin;            // 底盘号
  std::string engine_no;      // 发动机编号
  std::string plate;          // 车号 (optional)
  std::string configuration;  // 主要配置
  std::string terms;          // 服务条款
  Date shipped_on;            // 出厂日期
  std::string contact;        // 联系人 at the customer for this unit (else the customer's)
  std::string phone;          // 电话
  std::string packing_list;   // 发运装箱单 reference
  std::optional<Date> contract_warranty_end;  // the unit's own contract overrides the model
  std::optional<Date> accepted_on;            // 用户验收单
  std::string accepted_by;
  std::optional<std::int64_t> odometer_km;  // last known reading
  std::optional<Date> odometer_on;
  // When the archive became complete (R21, 2日内制成电子存档): the business time of the change
  // that filled its last missing field; nullopt while incomplete. Kept by the core
  // (archive_completeness.h), never typed.
  std::optional<Timestamp> completed_at;
};

// The numbers a unit is known by (表1: 出厂编号, 底盘号/VIN, 车号, 发动机编号).
enum class UnitNumber { kSerial, kVin, kPlate, kEngine };

// `serial`, `vin`, `plate`, `engine`: the field names of unit add/edit.
const char* unit_number_name(UnitNumber number);

// A unit found by searching its numbers (`unit find`): which of them hold the text, and its
// owner's name.
struct UnitNumberHit {
  Unit unit;
  std::string customer_name;
  std::vector<UnitNumber> matched;  // in the order serial, vin, plate, engine
};

// One odometer reading of a unit: the km, when it was read and where it is kept. The unit
// record keeps one reading with its day (`unit edit --km`, a unit import); every ticket keeps
// the reading the customer gave at its reported time (`ticket open --km`, a ticket import),
// and its work record (表6) the reading on site at the arrival (`ticket record --km`).
struct OdometerReading {
  std::int64_t km = 0;
  Timestamp at;          // a unit record's reading of day D: the start of D (local)
  std::string ticket;    // the ticket that holds it; empty for the unit record's reading
  bool on_site = false;  // read on site: the ticket's work record holds it
};

// A line of the archive's history: 运行、质量和服务状况, 重要技术变动, 重要部件更换.
enum class NoteKind { kStatus, kQuality, kTechChange, kPartReplacement };

struct UnitNote {
  std::int64_t id = 0;
  std::string serial;
  NoteKind kind = NoteKind::kStatus;
  std::string text;
  Timestamp at;
  std::string actor;  // who wrote it
};

// `status`, `quality`, `tech-change`, `part-replacement`.
const char* note_kind_name(NoteKind kind);
std::optional<NoteKind> parse_note_kind(const std::string& name);

}  // namespace aftersales
