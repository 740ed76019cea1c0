#include "datasets.h"

#include <fmt/format.h>

#include <cstring>
#include <iterator>

#include "calendar.h"
#include "row_random.h"
#include "vocabulary.h"

namespace aftersales::bench {
namespace {

namespace v = vocabulary;
using v::CustomerKind;

constexpr std::uint64_t kCatalogueSize = std::size(v::kCatalogue);
static_assert(kCatalogueSize == DatasetOptions{}.models,
              "the default models count is the catalogue");

// Ship dates and report times (local calendar days since 1970-01-01).
constexpr std::int64_t kFirstShipDay = days_from_civil(2019, 1, 1);
constexpr std::int64_t kLastShipDay = days_from_civil(2026, 10, 31);
constexpr std::int64_t kFirstReportDay = days_from_civil(2026, 1, 1);
constexpr std::int64_t kLastReportDay = days_from_civil(2026, 11, 20);
// A unit shipped this close to the last report day may have no plate yet.
constexpr std::int64_t kPlateDelayDays = 45;
// Ticket numbers: SR-YYYY-NNNNNN with at most 999999 per year; rows past that go a year back.
constexpr std::uint64_t kTicketsPerYear = 999999;
constexpr int kLatestTicketYear = 2026;

const std::vector<Column> kCustomerColumns = {
    {"code", "客户编号", CellKind::kText, 10},  {"name", "客户名称", CellKind::kText, 36},
    {"contact", "联系人", CellKind::kText, 10}, {"phone", "电话", CellKind::kText, 18},
    {"email", "电子邮件", CellKind::kText, 26}, {"address", "地址", CellKind::kText, 40},
    {"region", "地区", CellKind::kText, 8},     {"key", "大客户", CellKind::kText, 6},
};
const std::vector<Column> kModelColumns = {
    {"code", "车型", CellKind::kText, 18},
    {"name", "名称", CellKind::kText, 20},
    {"category", "类别", CellKind::kText, 12},
    {"warranty_months", "保修月数", CellKind::kInteger, 10},
    {"warranty_km", "保修里程", CellKind::kInteger, 10},
    {"maintenance_days", "保养周期", CellKind::kInteger, 10},
};
const std::vector<Column> kUnitColumns = {
    {"serial", "出厂编号", CellKind::kText, 14},   {"model", "车型", CellKind::kText, 18},
    {"customer", "客户编号", CellKind::kText, 10}, {"shipped", "出厂日期", CellKind::kDate, 12},
    {"vin", "底盘号", CellKind::kText, 20},        {"engine", "发动机编号", CellKind::kText, 16},
    {"plate", "车号", CellKind::kText, 14},        {"config", "主要配置", CellKind::kText, 50},
    {"terms", "服务条款", CellKind::kText, 50},
};
const std::vector<Column> kTicketColumns = {
    {"number", "单号", CellKind::kText, 16},
    {"unit", "出厂编号", CellKind::kText, 14},
    {"category", "故障类别", CellKind::kText, 10},
    {"channel", "报修方式", CellKind::kText, 10},
    {"description", "故障描述", CellKind::kText, 50},
    {"reported_at", "报修时间", CellKind::kDateTime, 20},
    {"priority", "紧急程度", CellKind::kText, 10},
    {"km", "里程", CellKind::kInteger, 10},
};

// ---- small helpers ------------------------------------------------------------------------

void set_text(Cell& cell, const char* text) {
  cell.kind = CellKind::kText;
  cell.text.assign(text);
}

void set_integer(Cell& cell, std::int64_t value) {
  cell.kind = CellKind::kInteger;
  cell.text.clear();
  append_digits(cell.text, static_cast<std::uint64_t>(value), 1);
  cell.number = static_cast<double>(value);
}

void set_empty(Cell& cell, CellKind kind) {
  cell.kind = kind;
  cell.text.clear();
  cell.number = 0;
}

void append_random_digits(std::string& out, RowRandom& random, int count) {
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + random.below(10));
}

const v::City& pick_city(RowRandom& random) {
  int total = 0;
  for (const auto& city : v::kCities) total += city.weight;
  auto target = static_cast<int>(random.below(static_cast<std::uint64_t>(total)));
  for (const auto& city : v::kCities) {
    if (target < city.weight) return city;
    target -= city.weight;
  }
  return v::kCities[0];
}

std::string customer_code(std::uint64_t index) {
  std::string code = "C";
  append_digits(code, index + 1, 6);
  return code;
}

std::string model_code(std::uint64_t index) {
  const v::CatalogueModel& base = v::kCatalogue[index % kCatalogueSize];
  const std::uint64_t generation = index / kCatalogueSize;
  std::string code = base.code;
  if (generation == 0) return code;
  if (generation <= std::size(v::kModelSuffixes)) {
    code += v::kModelSuffixes[generation - 1];
  } else {
    code += '-';
    append_digits(code, generation, 1);
  }
  return code;
}

// ---- the keys other datasets recompute ------------------------------------------------------

// The first draws of a customers row: where the customer is and what kind of body it is.
struct CustomerKey {
  const v::City* city;
  CustomerKind kind;
};

CustomerKey customer_key(RowRandom& random) {
  const v::City& city = pick_city(random);
  return CustomerKey{&city, pick_weighted(random, v::kCustomerKinds)};
}

CustomerKey customer_key_of(std::uint64_t seed, std::uint64_t index) {
  RowRandom random(seed, Stream::kCustomer, index);
  return customer_key(random);
}

// The first draws of a units row: its ship date and model. They depend on the seed, the row and
// the models count only, so tickets (which recompute them) need no other count to agree.
struct UnitKey {
  std::int64_t shipped_day;
  std::uint64_t model;
};

UnitKey unit_key(RowRandom& random, const DatasetOptions& options) {
  UnitKey key{};
  key.shipped_day = random.between(kFirstShipDay, kLastShipDay);
  key.model = random.below(options.models);
  return key;
}

const v::CatalogueModel& catalogue_model(std::uint64_t model_index) {
  return v::kCatalogue[model_index % kCatalogueSize];
}

bool is_category(const v::CatalogueModel& model, const char* category) {
  return std::strcmp(model.category, category) == 0;
}

// The owner of a unit: a customer of the kind that buys such a model (a fire brigade buys fire
// engines), looked for among a few draws; the last draw when none matches.
std::uint64_t pick_owner(RowRandom& random, const DatasetOptions& options,
                         const v::CatalogueModel& model, CustomerKey& owner) {
  const CustomerKind wanted = is_category(model, "fire")         ? CustomerKind::kFire
                              : is_category(model, "sanitation") ? CustomerKind::kSanitation
                                                                 : CustomerKind::kCompany;
  std::uint64_t customer = 0;
  for (int attempt = 0; attempt < 8; ++attempt) {
    customer = random.below(options.customers);
    owner = customer_key_of(options.seed, customer);
    if (owner.kind == wanted) break;
  }
  return customer;
}

// 出厂编号: ship year and the units row number, 2025-000123; unique because the number is.
void append_serial(std::string& out, std::int64_t shipped_day, std::uint64_t index) {
  append_digits(out, static_cast<std::uint64_t>(civil_from_days(shipped_day).year), 4);
  out += '-';
  append_digits(out, index + 1, 6);
}

// ---- customers -----------------------------------------------------------------------------

void append_contact(std::string& out, RowRandom& random) {
  out += random.pick(v::kSurnames);
  out += random.percent(15) ? random.pick(v::kTitles) : random.pick(v::kGivenNames);
}

// 0412-5551234 (a 3-digit area code takes 8 digits), or a mobile 13800138000; now and then an
// extension or both numbers, as clerks write them.
void append_phone(std::string& out, RowRandom& random, const v::City& city) {
  const auto mobile = [&] {
    out += random.pick(v::kMobilePrefixes);
    append_random_digits(out, random, 8);
  };
  const auto landline = [&] {
    out += city.area_code;
    out += '-';
    out += static_cast<char>('2' + random.below(7));
    append_random_digits(out, random, std::strlen(city.area_code) == 3 ? 7 : 6);
  };
  const auto form = random.below(100);
  if (form < 45) {
    landline();
    if (random.percent(6)) {
      out += "转";
      append_random_digits(out, random, 3 + static_cast<int>(random.below(2)));
    }
  } else if (form < 97) {
    mobile();
  } else {
    mobile();
    out += '/';
    landline();
  }
}

void append_email(std::string& out, RowRandom& random, const v::City& city, CustomerKind kind) {
  if (random.percent(35)) return;
  const char* abbreviation = kind == CustomerKind::kFire         ? "xf"
                             : kind == CustomerKind::kSanitation ? "hw"
                                                                 : "gs";
  const auto form = random.below(100);
  if (form < 35) {
    out += static_cast<char>('1' + random.below(9));
    append_random_digits(out, random, 5 + static_cast<int>(random.below(5)));
    out += "@qq.com";
  } else if (form < 65) {
    out += city.pinyin;
    out += abbreviation;
    append_random_digits(out, random, 2);
    out += "@163.com";
  } else if (form < 80) {
    out += city.pinyin;
    out += abbreviation;
    out += "@126.com";
  } else {
    out += "kefu";
    append_random_digits(out, random, 3);
    out += '@';
    out += city.pinyin;
    out += abbreviation;
    out += ".com.cn";
  }
}

void append_address(std::string& out, RowRandom& random, const v::City& city) {
  out += v::kProvinces[city.province].full_name;
  out += city.name;
  out += "市";
  out += random.pick(v::kRoads);
  append_digits(out, static_cast<std::uint64_t>(random.between(1, 999)), 1);
  out += "号";
  const auto extra = random.below(100);
  if (extra < 10) {
    out += ", ";
    append_digits(out, static_cast<std::uint64_t>(random.between(1, 12)), 1);
    out += "号楼";
  } else if (extra < 15) {
    out += "（东门）";
  }
}

void fill_customer(const DatasetOptions& options, std::uint64_t index, std::vector<Cell>& row) {
  RowRandom random(options.seed, Stream::kCustomer, index);
  const CustomerKey key = customer_key(random);
  const v::City& city = *key.city;

  set_text(row[0], customer_code(index).c_str());
  const char* pattern = key.kind == CustomerKind::kSanitation
                            ? pick_weighted(random, v::kSanitationNames)
                        : key.kind == CustomerKind::kFire ? pick_weighted(random, v::kFireNames)
                                                          : pick_weighted(random, v::kCompanyNames);
  row[1].kind = CellKind::kText;
  row[1].text = fmt::format(fmt::runtime(pattern), fmt::arg("city", city.name),
                            fmt::arg("brand", random.pick(v::kBrands)),
                            fmt::arg("unit", random.pick(v::kSubUnits)));
  set_empty(row[2], CellKind::kText);
  append_contact(row[2].text, random);
  set_empty(row[3], CellKind::kText);
  append_phone(row[3].text, random, city);
  set_empty(row[4], CellKind::kText);
  append_email(row[4].text, random, city, key.kind);
  set_empty(row[5], CellKind::kText);
  append_address(row[5].text, random, city);
  set_text(row[6], v::kProvinces[city.province].region);
  const int key_chance = key.kind == CustomerKind::kFire         ? 20
                         : key.kind == CustomerKind::kSanitation ? 15
                                                                 : 8;
  set_text(row[7], random.percent(key_chance) ? "yes" : "no");
}

// ---- models --------------------------------------------------------------------------------

void fill_model(std::uint64_t index, std::vector<Cell>& row) {
  const v::CatalogueModel& base = v::kCatalogue[index % kCatalogueSize];
  set_text(row[0], model_code(index).c_str());
  set_text(row[1], base.name);
  set_text(row[2], base.category);
  set_integer(row[3], base.warranty_months);
  if (base.warranty_km > 0) {
    set_integer(row[4], base.warranty_km);
  } else {
    set_empty(row[4], CellKind::kInteger);
  }
  set_integer(row[5], base.maintenance_days);
}

// ---- units ---------------------------------------------------------------------------------

// The VIN check digit (GB 16735, as ISO 3779 in North America): position 9.
char vin_check_digit(const std::string& vin) {
  static constexpr int kWeights[17] = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
  const auto value = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    static constexpr int kLetters[26] = {1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4,
                                         5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    return kLetters[c - 'A'];
  };
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += value(vin[static_cast<std::size_t>(i)]) * kWeights[i];
  const int remainder = sum % 11;
  return remainder == 10 ? 'X' : static_cast<char>('0' + remainder);
}

// 17 characters: maker (WMI), 5 of description, check digit, model year, plant, and a 6-digit
// sequence that is a permutation of the units row number (distinct up to a million units).
void append_vin(std::string& out, RowRandom& random, const v::Chassis& chassis, int year,
                std::uint64_t index) {
  static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";  // no I, O, Q
  static constexpr char kYearCodes[] = "ABCDEFGHJKLMNPRSTVWXY123456789";    // 2010 is A
  std::string vin = chassis.wmi;
  for (int i = 0; i < 5; ++i) vin += kAlphabet[random.below(sizeof kAlphabet - 1)];
  vin += '0';  // the check digit, below
  vin += kYearCodes[(year - 2010) % 30];
  vin += kAlphabet[random.below(sizeof kAlphabet - 1)];
  append_digits(vin, (index * 387913 + 104729) % 1000000, 6);
  vin[8] = vin_check_digit(vin);
  out += vin;
}

void append_plate(std::string& out, RowRandom& random, const v::City& city, bool fire) {
  static constexpr char kLetters[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";  // no I, O
  out += v::kProvinces[city.province].plate;
  out += city.plate_letter;
  if (fire && random.percent(70)) {  // fire engines carry 应急 plates
    append_random_digits(out, random, 4);
    out += "应急";
    return;
  }
  if (random.percent(30)) {
    out += kLetters[random.below(sizeof kLetters - 1)];
    append_random_digits(out, random, 4);
  } else {
    append_random_digits(out, random, 5);
  }
}

template <std::size_t N>
void append_extras(std::string& out, RowRandom& random, const char* separator,
                   const char* const (&extras)[N]) {
  // Up to two different ones.
  const auto count = random.below(3);
  const auto first = random.below(N);
  if (count >= 1) {
    out += separator;
    out += extras[first];
  }
  if (count >= 2) {
    out += separator;
    out += extras[(first + 1 + random.below(N - 1)) % N];
  }
}

void append_configuration(std::string& out, RowRandom& random, const v::CatalogueModel& model,
                          const v::Chassis& chassis, int year) {
  static constexpr Weighted<const char*> kSeparators[] = {{", ", 50}, {"，", 35}, {"、", 15}};
  const char* separator = pick_weighted(random, kSeparators);
  out += model.configuration;
  out += separator;
  out += chassis.name;
  out += "底盘";
  out += separator;
  out += chassis.engine;
  out += separator;
  out += year <= 2020 ? "国五" : "国六";
  if (is_category(model, "fire")) {
    append_extras(out, random, separator, v::kFireExtras);
  } else if (is_category(model, "sanitation")) {
    append_extras(out, random, separator, v::kSanitationExtras);
  } else {
    append_extras(out, random, separator, v::kOtherExtras);
  }
}

void append_terms(std::string& out, RowRandom& random, const v::CatalogueModel& model) {
  const bool fire = is_category(model, "fire");
  const bool sanitation = is_category(model, "sanitation");
  const char* pattern = fire ? random.pick(v::kFireTerms)
                        : sanitation
                            ? (model.warranty_km > 0 ? random.pick(v::kSanitationTerms)
                                                     : random.pick(v::kSanitationTermsNoKm))
                            : random.pick(v::kOtherTerms);
  fmt::format_to(std::back_inserter(out), fmt::runtime(pattern),
                 fmt::arg("months", model.warranty_months),
                 fmt::arg("km", model.warranty_km / 10000));
}

void fill_unit(const DatasetOptions& options, std::uint64_t index, std::vector<Cell>& row) {
  RowRandom random(options.seed, Stream::kUnit, index);
  const UnitKey key = unit_key(random, options);
  const v::CatalogueModel& model = catalogue_model(key.model);
  CustomerKey owner{};
  const std::uint64_t customer = pick_owner(random, options, model, owner);
  const int year = civil_from_days(key.shipped_day).year;
  const v::Chassis& chassis = v::kChassis[model.chassis_class][random.below(5)];
  const bool fire = is_category(model, "fire");

  set_empty(row[0], CellKind::kText);
  append_serial(row[0].text, key.shipped_day, index);
  set_text(row[1], model_code(key.model).c_str());
  set_text(row[2], customer_code(customer).c_str());
  row[3].kind = CellKind::kDate;
  row[3].text.clear();
  append_date(row[3].text, key.shipped_day);
  row[3].number = excel_serial(key.shipped_day);
  set_empty(row[4], CellKind::kText);
  append_vin(row[4].text, random, chassis, year, index);
  set_empty(row[5], CellKind::kText);
  row[5].text += chassis.engine_prefix;
  append_random_digits(row[5].text, random, 8);
  set_empty(row[6], CellKind::kText);
  const bool new_unit = key.shipped_day > kLastReportDay - kPlateDelayDays;
  if (!(new_unit && random.percent(70)) && !random.percent(6)) {
    append_plate(row[6].text, random, *owner.city, fire);
  }
  set_empty(row[7], CellKind::kText);
  append_configuration(row[7].text, random, model, chassis, year);
  set_empty(row[8], CellKind::kText);
  append_terms(row[8].text, random, model);
}

// ---- tickets -------------------------------------------------------------------------------

// The descriptions for a fault category on a model of `model_category`; `count` gets how many.
const char* const* fault_texts(const char* category, const char* model_category,
                               std::size_t& count) {
  const v::FaultTexts* found = nullptr;
  for (const auto& entry : v::kFaultTexts) {
    if (std::strcmp(entry.category, category) != 0) continue;
    if (entry.model_category == nullptr) {
      if (found == nullptr) found = &entry;
      break;
    }
    if (std::strcmp(entry.model_category, model_category) == 0) {
      found = &entry;
      break;
    }
  }
  count = 0;
  if (found == nullptr) return nullptr;
  while (count < std::size(found->texts) && found->texts[count] != nullptr) ++count;
  return found->texts;
}

// A time of day, mostly office hours: seconds after midnight.
int pick_time_of_day(RowRandom& random, bool with_seconds) {
  static constexpr Weighted<int> kHours[] = {
      {0, 1},  {1, 1},  {2, 1},   {3, 1},  {4, 1},  {5, 1},  {6, 2},   {7, 4},
      {8, 10}, {9, 12}, {10, 12}, {11, 9}, {12, 5}, {13, 8}, {14, 10}, {15, 10},
      {16, 9}, {17, 7}, {18, 4},  {19, 3}, {20, 3}, {21, 2}, {22, 1},  {23, 1}};
  const int hour = pick_weighted(random, kHours);
  const int minute = static_cast<int>(random.below(60));
  const int second = with_seconds ? static_cast<int>(random.below(60)) : 0;
  return hour * 3600 + minute * 60 + second;
}

// The day a ticket is reported: in its number's year (2026 up to 11-20), after its unit shipped;
// in 2026 when the unit shipped after that year.
std::int64_t pick_report_day(RowRandom& random, int year, std::int64_t shipped_day) {
  std::int64_t first = days_from_civil(year, 1, 1);
  std::int64_t last = year >= kLatestTicketYear ? kLastReportDay : days_from_civil(year, 12, 31);
  if (shipped_day + 1 > last) {
    first = kFirstReportDay;
    last = kLastReportDay;
  }
  if (first < shipped_day + 1) first = shipped_day + 1;
  return random.between(first, last);
}

void fill_ticket(const DatasetOptions& options, std::uint64_t index, std::vector<Cell>& row) {
  RowRandom random(options.seed, Stream::kTicket, index);
  const std::uint64_t unit_index = index % options.units;
  RowRandom unit_random(options.seed, Stream::kUnit, unit_index);
  const UnitKey unit = unit_key(unit_random, options);
  const v::CatalogueModel& model = catalogue_model(unit.model);
  const bool fire = is_category(model, "fire");
  const bool sanitation = is_category(model, "sanitation");

  // number: SR-YYYY-NNNNNN
  const int year = kLatestTicketYear - static_cast<int>(index / kTicketsPerYear);
  set_text(row[0], "SR-");
  append_digits(row[0].text, static_cast<std::uint64_t>(year), 4);
  row[0].text += '-';
  append_digits(row[0].text, index % kTicketsPerYear + 1, 6);

  set_empty(row[1], CellKind::kText);
  append_serial(row[1].text, unit.shipped_day, unit_index);

  const char* category = fire         ? pick_weighted(random, v::kFireFaults)
                         : sanitation ? pick_weighted(random, v::kSanitationFaults)
                                      : pick_weighted(random, v::kOtherFaults);
  set_text(row[2], category);

  static constexpr Weighted<const char*> kChannels[] = {
      {"phone", 40}, {"hotline", 25}, {"online", 15}, {"email", 10}, {"onsite", 10}};
  const char* channel = pick_weighted(random, kChannels);
  set_text(row[3], channel);

  // description: the fault, sometimes when it happens, what the customer stressed (with
  // quotes), and a second line.
  std::string& description = row[4].text;
  row[4].kind = CellKind::kText;
  description.clear();
  if (random.percent(15)) description += random.pick(v::kFaultContexts);
  std::size_t count = 0;
  const char* const* texts = fault_texts(category, model.category, count);
  description += texts[random.below(count)];
  const bool stressed = random.percent(10);
  if (stressed) description += random.pick(v::kCustomerQuotes);
  if (random.percent(7)) {
    description += '\n';
    description += random.pick(v::kFaultFollowUps);
  }

  const std::int64_t day = pick_report_day(random, year, unit.shipped_day);
  const bool typed = std::strcmp(channel, "email") == 0 || std::strcmp(channel, "online") == 0;
  const int seconds = pick_time_of_day(random, typed);
  row[5].kind = CellKind::kDateTime;
  row[5].text.clear();
  append_local_time(row[5].text, day, seconds);
  row[5].number = excel_serial(day, seconds);

  static constexpr Weighted<const char*> kFirePriorities[] = {
      {"urgent", 30}, {"normal", 55}, {"low", 15}};
  static constexpr Weighted<const char*> kPriorities[] = {
      {"urgent", 12}, {"normal", 65}, {"low", 23}};
  set_text(row[6], stressed ? "urgent"
                   : fire   ? pick_weighted(random, kFirePriorities)
                            : pick_weighted(random, kPriorities));

  // km: the odometer, from the unit's age and a daily distance for its kind; unknown at times.
  if (random.percent(12)) {
    set_empty(row[7], CellKind::kInteger);
  } else {
    const std::int64_t per_day = fire         ? random.between(3, 25)
                                 : sanitation ? random.between(40, 160)
                                              : random.between(60, 250);
    set_integer(row[7], (day - unit.shipped_day) * per_day + random.between(0, 999));
  }
}

}  // namespace

const char* entity_name(Entity entity) {
  switch (entity) {
    case Entity::kCustomers:
      return "customers";
    case Entity::kModels:
      return "models";
    case Entity::kUnits:
      return "units";
    case Entity::kTickets:
      return "tickets";
  }
  return "?";
}

std::optional<Entity> parse_entity(const std::string& name) {
  for (Entity entity : {Entity::kCustomers, Entity::kModels, Entity::kUnits, Entity::kTickets}) {
    if (name == entity_name(entity)) return entity;
  }
  return std::nullopt;
}

std::uint64_t catalogue_size() { return kCatalogueSize; }

const std::vector<Column>& columns_of(Entity entity) {
  switch (entity) {
    case Entity::kCustomers:
      return kCustomerColumns;
    case Entity::kModels:
      return kModelColumns;
    case Entity::kUnits:
      return kUnitColumns;
    case Entity::kTickets:
      break;
  }
  return kTicketColumns;
}

void fill_row(Entity entity, const DatasetOptions& options, std::uint64_t index,
              std::vector<Cell>& row) {
  row.resize(columns_of(entity).size());
  switch (entity) {
    case Entity::kCustomers:
      fill_customer(options, index, row);
      return;
    case Entity::kModels:
      fill_model(index, row);
      return;
    case Entity::kUnits:
      fill_unit(options, index, row);
      return;
    case Entity::kTickets:
      fill_ticket(options, index, row);
      return;
  }
}

}  // namespace aftersales::bench
