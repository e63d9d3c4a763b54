#pragma once
namespace demo {
class Rep;
class Table {
 public:
  Table();
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
  int size() const;
 private:
  Rep* rep_;
  int capacity_;
};
}
