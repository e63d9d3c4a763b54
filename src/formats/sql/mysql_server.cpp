#include "formats/sql/mysql_server.hpp"

#include <breakwater/check.hpp>

#include <mysql.h>

#include <dlfcn.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace breakwater::sql {
namespace fs = std::filesystem;
namespace {

// libmariadbd is opened on first use, not linked: loaded and relocated it is 11 MB resident,
// which runs without MySQL input need not pay. The library is the file CMake found at build
// time; nothing of the input chooses it. Each function called is a pointer of the same name
// here, which an unqualified call finds before mysql.h's declaration (mysql_library_init is
// mysql.h's macro for mysql_server_init); a call to an unlisted function fails to link.
#define BW_MARIADB_FUNCTIONS(X)                                                              \
  X(mysql_server_init) X(mysql_server_end) X(mysql_thread_init) X(mysql_thread_end)          \
  X(mysql_init) X(mysql_options) X(mysql_real_connect) X(mysql_close) X(mysql_real_query)    \
  X(mysql_store_result) X(mysql_next_result) X(mysql_free_result) X(mysql_num_fields)        \
  X(mysql_fetch_row) X(mysql_fetch_lengths) X(mysql_errno) X(mysql_error)
#define BW_DECLARE(name) decltype(&::name) name = nullptr;
BW_MARIADB_FUNCTIONS(BW_DECLARE)
#undef BW_DECLARE

// Why the library cannot be used, or "" once its functions are resolved. Called once, by the
// server's constructor (under turns()).
std::string open_libmariadbd() {
  void* library = dlopen(BREAKWATER_LIBMARIADBD, RTLD_NOW | RTLD_LOCAL);  // kept for the process
  if (library == nullptr) {
    const char* why = dlerror();
    return std::string("cannot load libmariadbd (") + BREAKWATER_LIBMARIADBD +
           "): " + (why != nullptr ? why : "unknown error");
  }
  std::string missing;
#define BW_RESOLVE(name)                                                  \
  name = reinterpret_cast<decltype(name)>(dlsym(library, #name));         \
  if (name == nullptr && missing.empty()) missing = "libmariadbd has no " #name;
  BW_MARIADB_FUNCTIONS(BW_RESOLVE)
#undef BW_RESOLVE
  return missing;
}

std::mutex& turns() {
  static std::mutex m;
  return m;
}

constexpr std::string_view kHomePrefix = "breakwater-mariadb-";

// Folders of earlier runs that ended without cleaning up (killed, or stopped by the time or
// memory limit, which exits at once): their process is gone. In memory they would hold RAM.
void sweep_stale_homes(const fs::path& base) {
  std::error_code ec;
  for (fs::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(kHomePrefix)) continue;
    const std::string rest = name.substr(kHomePrefix.size());
    const size_t dash = rest.find('-');
    if (dash == std::string::npos) continue;
    char* stop = nullptr;
    const long pid = std::strtol(rest.c_str(), &stop, 10);
    if (stop != rest.c_str() + dash || pid <= 0) continue;
    if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    fs::remove_all(it->path(), ignored);
  }
}

// A private folder for the server's files: in memory (/dev/shm) where there is one, since
// InnoDB writes tens of megabytes at start, which on a CI runner's disk takes a second.
fs::path make_home() {
  std::error_code ec;
  fs::path base = "/dev/shm";
  // A container's /dev/shm is often 64 MB, less than InnoDB's files take: then the temporary
  // folder, slower but roomy.
  const auto space = fs::space(base, ec);
  if (ec || !fs::is_directory(base, ec) || access(base.c_str(), W_OK) != 0 ||
      space.available < (std::uintmax_t{256} << 20)) {
    base = fs::temp_directory_path(ec);
  }
  sweep_stale_homes(base);
  std::string pattern =
      (base / (std::string(kHomePrefix) + std::to_string(getpid()) + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) return {};
  const fs::path home(pattern);
  for (const char* sub : {"data", "files", "plugins", "tmp"}) fs::create_directories(home / sub, ec);
  return home;
}

struct Server {
  fs::path home;
  std::string failure;  // why the server did not start ("" = it runs)

  Server() {
    failure = open_libmariadbd();
    if (!failure.empty()) return;
    home = make_home();
    if (home.empty()) {
      failure = "cannot create a temporary folder for the embedded MariaDB server";
      return;
    }
    const std::string data = "--datadir=" + (home / "data").string();
    const std::string files = "--secure-file-priv=" + (home / "files").string();
    const std::string plugins = "--plugin-dir=" + (home / "plugins").string();
    const std::string tmp = "--tmpdir=" + (home / "tmp").string();
    std::vector<std::string> args = {
        "breakwater",
        "--no-defaults",  // first: no my.cnf of the machine or the user shapes the server
        data, files, plugins, tmp,
        "--skip-grant-tables", "--skip-networking", "--skip-symbolic-links",
        "--local-infile=0", "--max-statement-time=10",
        "--default-storage-engine=InnoDB", "--character-set-server=utf8mb4",
        "--collation-server=utf8mb4_general_ci", "--log-warnings=0",
        // InnoDB (foreign keys need it), as small and unsynced as it goes: nothing persists.
        "--innodb-buffer-pool-size=6M", "--innodb-log-file-size=1M",
        "--innodb-log-buffer-size=256K", "--innodb-data-file-path=ibdata1:1M:autoextend",
        "--innodb-doublewrite=0", "--innodb-flush-log-at-trx-commit=0",
        "--innodb-flush-method=nosync", "--innodb-use-native-aio=0",
        "--innodb-undo-tablespaces=0", "--innodb-stats-persistent=0",
        "--innodb-buffer-pool-load-at-startup=0", "--innodb-buffer-pool-dump-at-shutdown=0",
        "--innodb-fast-shutdown=3"};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    static char embedded[] = "embedded";
    static char* groups[] = {embedded, nullptr};
    if (mysql_library_init(static_cast<int>(args.size()), argv.data(), groups) != 0) {
      failure = "the embedded MariaDB server did not start";
      remove();
      return;
    }
  }

  void remove() {
    std::error_code ec;
    if (!home.empty()) fs::remove_all(home, ec);
  }

  static Server& get() {
    static Server server;
    return server;
  }

  bool stopped = false;

  // At exit, before the embedded server's own exit handler stops it: its files are removed
  // while it still holds them open (their space goes when it closes them).
  // Not waiting for a session still running on another thread: the process is ending.
  static void remove_at_exit() {
    const std::unique_lock lock(turns(), std::try_to_lock);
    get().remove();
  }
};

std::string quoted_literal(const std::string& s) {
  return "'" + s + "'";  // breakwater's own names: letters, digits and _ only
}

bool server_started = false;  // under turns()

}  // namespace

// The server is ended on purpose, not left to exit: its worker threads then race the process's
// teardown (a crash in one exit of fifty).
void stop_mysql_server() {
  const std::lock_guard lock(turns());
  if (!server_started) return;
  Server& s = Server::get();
  if (s.stopped || !s.failure.empty()) return;
  mysql_library_end();
  s.remove();
  s.stopped = true;
}

MysqlSession::MysqlSession() : turn_(turns()) {
  server_started = true;
  Server& server = Server::get();
  if (server.stopped) throw InputError({}, "the embedded MariaDB server was already stopped");
  if (!server.failure.empty()) throw InputError({}, server.failure);
  static unsigned next = 0;
  database_ = "breakwater_" + std::to_string(++next);
  literal_ = quoted_literal(database_);
  mysql_thread_init();  // sessions run on whichever thread loads the input
  conn_ = mysql_init(nullptr);
  if (conn_ == nullptr) throw InputError({}, "cannot open a MariaDB session");
  mysql_options(conn_, MYSQL_OPT_USE_EMBEDDED_CONNECTION, nullptr);
  if (mysql_real_connect(conn_, nullptr, nullptr, nullptr, nullptr, 0, nullptr, 0) == nullptr) {
    const std::string why = mysql_error(conn_);
    mysql_close(conn_);
    conn_ = nullptr;
    throw InputError({}, "cannot connect to the embedded MariaDB server: " + why);
  }
  // The embedded server ends itself at exit through a handler it registers while starting and
  // connecting; ours, registered after it, runs first (atexit is last in, first out).
  static std::once_flag cleanup;
  std::call_once(cleanup, [] { std::atexit([] { Server::remove_at_exit(); }); });
  for (const std::string& q : {"CREATE DATABASE " + database_, "USE " + database_}) {
    if (auto e = run(q)) throw InputError({}, "embedded MariaDB server: " + e->message);
  }
}

MysqlSession::~MysqlSession() {
  if (conn_ == nullptr) return;
  run("SET FOREIGN_KEY_CHECKS = 0");
  run("DROP DATABASE IF EXISTS " + database_);
  mysql_close(conn_);
  mysql_thread_end();
}

std::optional<MysqlError> MysqlSession::run(std::string_view sql) {
  if (mysql_real_query(conn_, sql.data(), static_cast<unsigned long>(sql.size())) != 0) {
    return MysqlError{mysql_errno(conn_), mysql_error(conn_)};
  }
  // Discard any result sets (a statement may return rows).
  do {
    if (MYSQL_RES* r = mysql_store_result(conn_)) mysql_free_result(r);
  } while (mysql_next_result(conn_) == 0);
  return std::nullopt;
}

std::vector<MysqlSession::Row> MysqlSession::rows(const std::string& sql) {
  if (mysql_real_query(conn_, sql.data(), static_cast<unsigned long>(sql.size())) != 0) {
    throw std::runtime_error("embedded MariaDB query failed: " + std::string(mysql_error(conn_)));
  }
  std::vector<Row> out;
  MYSQL_RES* r = mysql_store_result(conn_);
  if (r == nullptr) return out;
  const unsigned n = mysql_num_fields(r);
  while (MYSQL_ROW row = mysql_fetch_row(r)) {
    const unsigned long* lengths = mysql_fetch_lengths(r);
    Row cells;
    for (unsigned i = 0; i < n; ++i) {
      if (row[i] == nullptr) cells.emplace_back(std::nullopt);
      else cells.emplace_back(std::string(row[i], lengths[i]));
    }
    out.push_back(std::move(cells));
  }
  mysql_free_result(r);
  return out;
}

}  // namespace breakwater::sql
