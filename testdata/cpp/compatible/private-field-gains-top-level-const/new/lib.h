#pragma once
namespace demo {
class Rep;
// Private fields that only became const are stored the same way (the class was never
// assignable, so nothing else changes).
class Table {
 public:
  Table();
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
  int size() const;
 private:
  Rep* const rep_;
  const int capacity_;
};
}
