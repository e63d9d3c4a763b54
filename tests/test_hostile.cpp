// Issue 15: a pull request is untrusted. Its files may be links out of the repository, FIFOs
// or devices; nothing outside is read, nothing blocks, and a refused file is never quoted.
#include "cli/resource_watch.hpp"
#include "cli_runner.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

using breakwater::test::run_cli;
using breakwater::test::write_file;
namespace fs = std::filesystem;

namespace {

constexpr const char* kSecret = "TOPSECRET-4711";

// repo/ (where breakwater runs, the only root) beside outside/ (a file it must never read).
class Sandbox {
 public:
  Sandbox() {
    char tmpl[] = "/tmp/bw-hostile-XXXXXX";
    dir_ = mkdtemp(tmpl);
    fs::create_directories(dir_ + "/repo");
    fs::create_directories(dir_ + "/outside/etc");
    for (const char* name : {"secret.txt", "secret.sql", "secret.json", "etc/passwd.proto",
                             "breakwater.yaml", "baseline.json"}) {
      write_file(dir_ + "/outside/" + name, std::string(kSecret) + " : x\n");
    }
  }
  ~Sandbox() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string repo() const { return dir_ + "/repo"; }
  std::string outside(const std::string& name) const { return dir_ + "/outside/" + name; }
  void put(const std::string& path, const std::string& text) const {
    fs::create_directories((fs::path(repo()) / path).parent_path());
    write_file(repo() + "/" + path, text);
  }
  void link(const std::string& path, const std::string& target) const {
    fs::create_directories((fs::path(repo()) / path).parent_path());
    fs::create_symlink(target, repo() + "/" + path);
  }

 private:
  std::string dir_;
};

// Refused with exit 2, the refused file named, its content never shown.
void refused(const breakwater::test::Run& run, const std::string& names) {
  CHECK_MESSAGE(run.status == 2, run.out << run.err);
  CHECK_MESSAGE(run.err.find(names) != std::string::npos, run.err);
  CHECK_MESSAGE(run.err.find("outside") != std::string::npos, run.err);
  CHECK(run.err.find(kSecret) == std::string::npos);
  CHECK(run.out.find(kSecret) == std::string::npos);
}

}  // namespace

TEST_SUITE("hostile") {
  TEST_CASE("a SQL input that is a link out of the repository is refused, not read") {
    Sandbox box;
    box.put("old/schema.sql", "CREATE TABLE t (a int);\n");
    box.link("new/schema.sql", box.outside("secret.sql"));
    refused(run_cli(box.repo(), {"check", "old", "new"}), "new/schema.sql");
  }

  TEST_CASE("a JSON Schema $ref through a linked folder is refused") {
    Sandbox box;
    const std::string schema =
        R"({"type": "object", "properties": {"a": {"$ref": "shared/secret.json"}}})";
    box.put("old/a.json", schema);
    box.put("old/shared/secret.json", R"({"type": "string"})");
    box.put("new/a.json", schema);
    box.link("new/shared", box.outside(""));
    refused(run_cli(box.repo(), {"check", "old/a.json", "new/a.json"}), "secret.json");
  }

  TEST_CASE("a proto import through a folder link to /etc is refused") {
    Sandbox box;
    const std::string proto = "syntax = \"proto3\";\nimport \"etc/passwd.proto\";\n";
    box.put("old/a.proto", "syntax = \"proto3\";\n");
    box.put("new/a.proto", proto);
    box.link("new/etc", box.outside("etc"));
    refused(run_cli(box.repo(), {"check", "old", "new"}), "passwd.proto");
  }

  TEST_CASE("a breakwater.yaml and a baseline that are links out are refused") {
    Sandbox box;
    box.put("old/schema.sql", "CREATE TABLE t (a int);\n");
    box.put("new/schema.sql", "CREATE TABLE t (a int);\n");
    box.link("breakwater.yaml", box.outside("breakwater.yaml"));
    refused(run_cli(box.repo(), {"check", "old", "new"}), "breakwater.yaml");
    fs::remove(box.repo() + "/breakwater.yaml");
    box.put("breakwater.yaml", "version: 1\nbaseline: base.json\n");
    box.link("base.json", box.outside("baseline.json"));
    refused(run_cli(box.repo(), {"check", "old", "new"}), "base.json");
  }

  TEST_CASE("a FIFO or a device as an input or baseline never blocks") {
    Sandbox box;
    box.put("old/schema.sql", "CREATE TABLE t (a int);\n");
    fs::create_directories(box.repo() + "/new");
    REQUIRE(mkfifo((box.repo() + "/new/schema.sql").c_str(), 0600) == 0);
    auto run = run_cli(box.repo(), {"check", "old/schema.sql", "new/schema.sql"});
    CHECK_MESSAGE(run.status == 2, run.out << run.err);
    CHECK(run.err.find("not a regular file") != std::string::npos);
    fs::remove(box.repo() + "/new/schema.sql");
    box.put("new/schema.sql", "CREATE TABLE t (a int);\n");
    box.link("zero.json", "/dev/zero");
    run = run_cli(box.repo(), {"check", "old", "new", "--baseline", "zero.json"});
    CHECK_MESSAGE(run.status == 2, run.out << run.err);
    CHECK(run.err.find("not a regular file") != std::string::npos);
  }

  TEST_CASE("a file over --max-file-size is refused with the limit named") {
    Sandbox box;
    box.put("old/schema.sql", "CREATE TABLE t (a int);\n");
    box.put("new/schema.sql", "CREATE TABLE t (a int);\n" + std::string(2 << 20, ' '));
    const auto run =
        run_cli(box.repo(), {"check", "old", "new", "--max-file-size", "1"});
    CHECK_MESSAGE(run.status == 2, run.out << run.err);
    CHECK(run.err.find("over the limit of 1 MiB") != std::string::npos);
  }
}

TEST_SUITE("hostile") {
  TEST_CASE("--output never follows a committed link; a failed write exits 2") {
    Sandbox box;
    box.put("old/schema.sql", "CREATE TABLE t (a int);\n");
    box.put("new/schema.sql", "CREATE TABLE t (a int);\n");
    box.link("breakwater.sarif", box.outside("secret.txt"));
    auto run = run_cli(box.repo(), {"check", "old", "new", "--format", "sarif", "--output",
                                    "breakwater.sarif"});
    CHECK_MESSAGE(run.status == 2, run.out << run.err);
    CHECK(run.err.find("symbolic link; not followed") != std::string::npos);
    CHECK(breakwater::test::read_file(box.outside("secret.txt")).find(kSecret) == 0);
    // A regular file is replaced whole.
    fs::remove(box.repo() + "/breakwater.sarif");
    box.put("breakwater.sarif", "stale");
    run = run_cli(box.repo(), {"check", "old", "new", "--format", "sarif", "--output",
                               "breakwater.sarif"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);
    CHECK(breakwater::test::read_file(box.repo() + "/breakwater.sarif").find("\"runs\"") !=
          std::string::npos);
    // Standard output that cannot be written (a full disk) is an error, not a lost report.
    const int status = std::system(("cd '" + box.repo() + "' && '" BREAKWATER_CLI
                                    "' check old new > /dev/full 2>/dev/null")
                                       .c_str());
    CHECK(WEXITSTATUS(status) == 2);
  }
}

TEST_SUITE("hostile") {
  TEST_CASE("deep PostgreSQL expressions: no crash; a statement over 1 MiB is refused") {
    Sandbox box;
    std::string terms = "1";
    for (int i = 0; i < 100000; ++i) terms += "+1";
    box.put("old/s.sql", "CREATE TABLE t (a int DEFAULT " + terms + ");\n");
    box.put("new/s.sql", "CREATE TABLE t (a int DEFAULT " + terms + ");\n");
    auto run = run_cli(box.repo(), {"check", "old", "new"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);
    for (int i = 0; i < 500000; ++i) terms += "+1";
    box.put("new/s.sql", "CREATE TABLE t (a int DEFAULT " + terms + ");\n");
    run = run_cli(box.repo(), {"check", "old", "new"});
    CHECK_MESSAGE(run.status == 2, run.out << run.err);
    CHECK(run.err.find("new/s.sql:1:1: error: statement longer than 1 MiB") != std::string::npos);
  }
}

TEST_SUITE("hostile") {
  TEST_CASE("the resource watch ends a run past its time or memory bound") {
    using namespace std::chrono;
    using breakwater::cli::over_limit;
    const breakwater::cli::ResourceLimits limits{10, 100};
    CHECK(over_limit(limits, seconds(9), 100u << 20).empty());
    CHECK(over_limit(limits, seconds(10), 0).find("--time-limit SECONDS") != std::string::npos);
    CHECK(over_limit(limits, seconds(1), (100u << 20) + 1).find("past 100 MiB") !=
          std::string::npos);
    CHECK(over_limit({0, 0}, hours(100), ~std::uintmax_t{0}).empty());

    // A fake clock that advances a second per sample: the watcher reports once, at 10 s.
    std::atomic<int> samples{0};
    std::mutex m;
    std::vector<std::string> reports;
    {
      const steady_clock::time_point t0{};
      breakwater::cli::ResourceProbe probe{
          [] { return std::uintmax_t{1} << 20; },
          [&] { return t0 + seconds(samples++); },
          [&](const std::string& message) {
            const std::lock_guard lock(m);
            reports.push_back(message);
          }};
      const breakwater::cli::ResourceWatch watch(limits, probe, milliseconds(1));
      for (int i = 0; i < 2000 && [&] { const std::lock_guard lock(m); return reports.empty(); }();
           ++i) {
        std::this_thread::sleep_for(milliseconds(1));
      }
    }
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].find("time limit exceeded: the run took over 10 s") == 0);
  }

  TEST_CASE("--memory-limit and --time-limit stop the command line with exit 2") {
    Sandbox box;
    box.put("old/schema.sql", "CREATE TABLE t (a int);\n");
    box.put("new/schema.sql", "CREATE TABLE t (a int);\n");
    // Any process is resident past 1 MiB: the first sample ends it.
    auto run = run_cli(box.repo(), {"check", "old", "new", "--memory-limit", "1"});
    CHECK_MESSAGE(run.status == 2, run.out << run.err);
    CHECK(run.err.find("breakwater: error: memory limit exceeded: the run grew past 1 MiB") == 0);
    run = run_cli(box.repo(), {"check", "old", "new", "--memory-limit", "0", "--time-limit", "0"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);
  }
}

TEST_SUITE("hostile") {
  TEST_CASE("a PostgreSQL table past 1,600 columns is refused where the 1,601st is added") {
    Sandbox box;
    std::string sql = "CREATE TABLE t (id int);\n";
    for (int i = 1; i < 1600; ++i) sql += "ALTER TABLE t ADD COLUMN c" + std::to_string(i) + " int;\n";
    box.put("old/s.sql", sql);
    // Re-adding a column the table has is no new column.
    box.put("new/s.sql", sql + "ALTER TABLE t ADD COLUMN IF NOT EXISTS c7 int;\n");
    auto run = run_cli(box.repo(), {"check", "old", "new"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);
    box.put("new/s.sql", sql + "ALTER TABLE t ADD COLUMN extra int;\n");
    run = run_cli(box.repo(), {"check", "old", "new"});
    CHECK_MESSAGE(run.status == 2, run.out << run.err);
    CHECK(run.err.find("new/s.sql:1601:26: error: table \"public.t\" would have more than 1600 "
                       "columns, PostgreSQL's limit; refused") != std::string::npos);
  }
}

TEST_SUITE("hostile") {
  TEST_CASE("MySQL statements that reach files, code or the server itself are refused") {
    Sandbox box;
    box.put("old/s.mysql.sql", "CREATE TABLE t (a INT);\n");
    const std::pair<const char*, const char*> refused[] = {
        {"LOAD DATA INFILE '/etc/passwd' INTO TABLE t;", "LOAD reads a file"},
        {"SELECT a INTO OUTFILE '/tmp/x' FROM t;", "INTO OUTFILE writes a file"},
        {"CREATE TABLE u (a INT) DATA DIRECTORY = '/tmp';", "DATA DIRECTORY"},
        {"CREATE TABLE u (a INT) INDEX DIRECTORY '/tmp';", "INDEX DIRECTORY"},
        {"INSTALL SONAME 'ha_connect';", "loads"},
        {"CREATE FUNCTION f RETURNS STRING SONAME 'x.so';", "SONAME loads a shared library"},
        {"CREATE TABLE u (a INT) ENGINE=CONNECT TABLE_TYPE=DOS FILE_NAME='/etc/passwd';",
         "ENGINE=CONNECT"},
        {"CREATE TABLE u (a INT) ENGINE = FEDERATED CONNECTION='mysql://x@h/d/t';",
         "ENGINE=FEDERATED"},
        {"CREATE SERVER s FOREIGN DATA WRAPPER mysql OPTIONS (HOST 'h');", "SERVER"},
        {"PREPARE s FROM 'SELECT 1';", "PREPARE runs SQL built from a string"},
        {"CREATE TABLE u AS SELECT LOAD_FILE('/etc/passwd') AS x;", "LOAD_FILE() reads a file"},
        {"/*!50000 LOAD DATA INFILE '/etc/passwd' INTO TABLE t */;", "LOAD reads a file"},
    };
    for (const auto& [statement, why] : refused) {
      box.put("new/s.mysql.sql", std::string("CREATE TABLE t (a INT);\n") + statement + "\n");
      const auto run = run_cli(box.repo(), {"check", "old", "new"});
      CHECK_MESSAGE(run.status == 2, statement << "\n" << run.out << run.err);
      CHECK_MESSAGE(run.err.find("new/s.mysql.sql:2:") != std::string::npos, statement << run.err);
      CHECK_MESSAGE(run.err.find(why) != std::string::npos, statement << run.err);
    }
    // Settings that would point the server's logs anywhere are never run; the load goes on.
    box.put("new/s.mysql.sql",
            "CREATE TABLE t (a INT);\nSET GLOBAL general_log_file = '/tmp/x.log';\n"
            "SET @@global.general_log = 1, @a = 1;\nSET SESSION sql_log_bin = 0;\n");
    const auto run = run_cli(box.repo(), {"check", "old", "new"});
    CHECK_MESSAGE(run.status == 0, run.out << run.err);
  }
}
