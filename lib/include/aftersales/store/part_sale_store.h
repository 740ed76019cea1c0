// The port to storage of parts sales (with payments and promises), purchase plans and urgent
// part requests (表13). Engine failures throw Error(kStorageUnavailable); a duplicate number
// Error(kConflict).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/parts/purchase.h"
#include "aftersales/parts/sale.h"

namespace aftersales {

struct SaleFilter {
  std::optional<Date> from, to;  // sale dates, inclusive
};

class PartSaleStore {
 public:
  virtual ~PartSaleStore() = default;

  // The next number of `prefix` (PS, PU, UR) in `year`, starting at 1, never reused.
  virtual std::int64_t next_number_in_year(const std::string& prefix, int year) = 0;

  // Inserts the sale with its lines (customer and parts by code/number); sets sale.id.
  virtual void insert_sale(PartSale& sale) = 0;
  // The sale with its lines, customer name, paid sum and latest promise.
  virtual std::optional<PartSale> find_sale(const std::string& number) = 0;
  // Sales in number order, as find_sale reads them.
  virtual std::vector<PartSale> list_sales(const SaleFilter& filter) = 0;
  virtual void set_sale_shipped(std::int64_t sale_id, Timestamp at) = 0;
  // Sets payment.id.
  virtual void insert_payment(std::int64_t sale_id, SalePayment& payment) = 0;
  virtual std::vector<SalePayment> payments(std::int64_t sale_id) = 0;  // in id order
  virtual void insert_promise(std::int64_t sale_id, const SalePromise& promise) = 0;
  virtual std::vector<SalePromise> promises(std::int64_t sale_id) = 0;  // in the order made

  // Inserts the plan with its lines; sets plan.id.
  virtual void insert_plan(PurchasePlan& plan) = 0;
  virtual std::optional<PurchasePlan> find_plan(const std::string& number) = 0;
  // The latest plan raised by that sale or request.
  virtual std::optional<PurchasePlan> plan_for(const std::string& origin) = 0;
  virtual std::vector<PurchasePlan> list_plans() = 0;  // in number order
  // Writes state, received_at, received_by and warehouse.
  virtual void update_plan(const PurchasePlan& plan) = 0;

  virtual void insert_urgent(UrgentRequest& request) = 0;  // sets request.id
  virtual std::optional<UrgentRequest> find_urgent(const std::string& number) = 0;
  virtual std::vector<UrgentRequest> list_urgent() = 0;  // in number order
  // Writes state and plan.
  virtual void update_urgent(const UrgentRequest& request) = 0;
};

}  // namespace aftersales
