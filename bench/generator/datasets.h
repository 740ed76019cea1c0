// The four datasets the generator writes (customers, models, units 表1, tickets 表3): their
// columns and their rows. Row i of a dataset depends only on the seed, the entity, i and the
// cross-reference counts below, never on --rows: so a ticket can name its unit by recomputing
// units row (i mod units), and a larger file starts with the rows of a smaller one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aftersales::bench {

enum class Entity { kCustomers, kModels, kUnits, kTickets };

// "customers", "models", "units", "tickets".
const char* entity_name(Entity entity);
std::optional<Entity> parse_entity(const std::string& name);

// What a cell holds. CSV writes every cell as its text; .xlsx writes integers as numbers and
// dates and times as Excel serial numbers with a date format, so a reader gets serials.
enum class CellKind { kText, kInteger, kDate, kDateTime };

struct Column {
  const char* name;     // English header, also the importer's built-in name
  const char* chinese;  // Chinese header (--headers zh), also a built-in name
  CellKind kind;
  double width;  // .xlsx column width, in characters
};

struct Cell {
  CellKind kind = CellKind::kText;
  std::string text;   // what CSV writes (dates ISO 8601); empty: an empty cell
  double number = 0;  // kInteger: the value; kDate, kDateTime: the Excel serial (local time)
};

// How the datasets refer to each other: units own customers rows [0, customers) and are of
// models rows [0, models); ticket i is about units row (i mod units). Generate the referenced
// files with at least that many rows and the same seed. A unit's serial and ship date depend on
// the seed and its row only; its model also on `models`, which tickets use to pick faults that
// fit (give tickets the same --models as units, or the default).
struct DatasetOptions {
  std::uint64_t seed = 1;
  std::uint64_t customers = 1000;
  std::uint64_t models = 27;  // the catalogue (models row 27 is the first later generation)
  std::uint64_t units = 10000;
};

// The number of models in the base catalogue (the default of DatasetOptions::models).
std::uint64_t catalogue_size();

// The columns of a dataset, in file order.
const std::vector<Column>& columns_of(Entity entity);

// Fills `row` (resized to the columns) with row `index` (0-based) of the dataset. Reuses the
// cells' storage, so a loop over millions of rows allocates nothing after the first few.
// Requires options.customers, .models and .units >= 1.
void fill_row(Entity entity, const DatasetOptions& options, std::uint64_t index,
              std::vector<Cell>& row);

}  // namespace aftersales::bench
