// The port of customer care (issue 11): annual surveys (表9), complaints and suggestions
// (客户投诉) and handover training records (新车交接培训). Reads return nothing for a missing key;
// inserts set the record's id. Complaint numbers come from ShipmentStore::next_number_in_year
// ("CP"). Engine failures throw Error(kStorageUnavailable).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aftersales/care/complaints.h"
#include "aftersales/care/surveys.h"
#include "aftersales/care/training.h"

namespace aftersales {

class CareStore {
 public:
  virtual ~CareStore() = default;

  virtual std::optional<Survey> find_survey(const std::string& customer, int year) = 0;
  // By year and customer code; with `year`, only that year's.
  virtual std::vector<Survey> list_surveys(const std::optional<int>& year) = 0;
  // The customer by code. A second survey of a customer and year throws Error(kConflict).
  virtual void insert_survey(Survey& survey) = 0;
  // Removes a survey an import added (a revert).
  virtual void remove_survey(const std::string& customer, int year) = 0;

  virtual std::optional<Complaint> find_complaint(const std::string& number) = 0;
  virtual std::vector<Complaint> list_complaints() = 0;  // by number
  virtual std::vector<Complaint> complaints_of_unit(const std::string& serial) = 0;
  // Customer, unit and ticket by their keys.
  virtual void insert_complaint(Complaint& complaint) = 0;
  // Writes the closing: closed_at, resolution, confirmed_by, closed_by.
  virtual void update_complaint(const Complaint& complaint) = 0;

  virtual std::vector<TrainingRecord> list_training() = 0;  // by date and id
  virtual std::vector<TrainingRecord> training_of_unit(const std::string& serial) = 0;
  // The unit by serial.
  virtual void insert_training(TrainingRecord& record) = 0;
  // Removes a training record an import added (a revert).
  virtual void remove_training(std::int64_t id) = 0;
};

}  // namespace aftersales
