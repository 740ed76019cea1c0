// The archive's port to storage: customers, models, units and their history (表1). Reads
// return nothing for a missing key; inserts set the record's id. While an import session is
// open (import_store.h) every insert and update records its batch on the row; a change typed
// by hand clears it. Engine failures throw Error(kStorageUnavailable) (retry later).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/customers/customer.h"
#include "aftersales/models/model.h"
#include "aftersales/units/unit.h"

namespace aftersales {

struct UnitFilter {
  std::optional<std::string> model_code;
  std::optional<std::string> customer_code;
};

class ArchiveStore {
 public:
  virtual ~ArchiveStore() = default;

  // Customers, by code; a duplicate code throws Error(kConflict).
  virtual std::optional<Customer> find_customer(const std::string& code) = 0;
  virtual std::vector<Customer> list_customers() = 0;  // by code
  virtual void insert_customer(Customer& customer) = 0;
  virtual void update_customer(const Customer& customer) = 0;
  // Removes a customer (an import's revert); Error(kRuleViolation) when units or tickets refer
  // to it.
  virtual void remove_customer(const std::string& code) = 0;

  // Models, by code; a duplicate code throws Error(kConflict).
  virtual std::optional<Model> find_model(const std::string& code) = 0;
  virtual std::vector<Model> list_models() = 0;  // by code
  virtual void insert_model(Model& model) = 0;
  virtual void update_model(const Model& model) = 0;
  // Error(kRuleViolation) when units refer to it.
  virtual void remove_model(const std::string& code) = 0;

  // Units: the factory archive, by serial no.; a duplicate serial throws Error(kConflict), a
  // model or customer that does not exist Error(kNotFound).
  virtual std::optional<Unit> find_unit(const std::string& serial) = 0;
  virtual std::vector<Unit> list_units(const UnitFilter& filter) = 0;  // by serial
  // The same units handed to `visit` one by one as they are read (by serial): memory stays flat.
  // Only the filters given are in the SQL.
  virtual void each_unit(const UnitFilter& filter,
                         const std::function<void(const Unit&)>& visit) = 0;
  // Units whose VIN, plate or engine no. equals `number` (the serial is find_unit's), by
  // serial, each once.
  virtual std::vector<Unit> find_units_by_other_number(const std::string& number) = 0;
  // Calls `each` for every unit whose serial, VIN, plate or engine no. contains `text`, ASCII
  // letters compared without case, by serial, one row at a time (memory does not grow with
  // the archive). An empty `text` matches every unit.
  virtual void search_units(const std::string& text,
                            const std::function<void(const UnitNumberHit&)>& each) = 0;
  virtual void insert_unit(Unit& unit) = 0;
  virtual void update_unit(const Unit& unit) = 0;
  // Sets only when the archive became complete (Unit::completed_at), keeping the row's import
  // batch: a customer's change completes the archives of its units without writing them.
  virtual void set_unit_completed(const std::string& serial,
                                  const std::optional<Timestamp>& completed_at) = 0;
  // Error(kRuleViolation) when tickets refer to it or history was typed onto it since.
  virtual void remove_unit(const std::string& serial) = 0;

  // The archive's history (表1: status, quality, technical changes, part replacements).
  virtual void insert_unit_note(UnitNote& note) = 0;
  virtual std::vector<UnitNote> list_unit_notes(const std::string& serial) = 0;  // oldest first
};

}  // namespace aftersales
