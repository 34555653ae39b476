#include "cli/serve_command.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include "server/server.h"

namespace warta::cli {

namespace {

// Atomic: the kernel hands SIGINT/SIGTERM to any thread that does not block
// it, so the handler may run on one of the server's worker threads while the
// main thread sets or clears this.
std::atomic<server::Server*> g_running{nullptr};
static_assert(std::atomic<server::Server*>::is_always_lock_free, "read in a signal handler");

// SIGINT/SIGTERM end the server cleanly so in-flight requests finish.
void StopOnSignal(int) {
  if (server::Server* running = g_running.load()) running->Stop();
}

}  // namespace

int RunServe(const CommandContext& ctx, server::ServerOptions options) {
  options.db = ctx.db;
  if (options.token.empty())
    if (const char* env = std::getenv("WARTA_TOKEN")) options.token = env;
  auto server = server::Server::Create(options);
  if (!server.ok()) {
    std::fprintf(stderr, "warta: %s\n", server.status().message().c_str());
    return server.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailed;
  }
  auto port = (*server)->Bind();
  if (!port.ok()) {
    std::fprintf(stderr, "warta: %s\n", port.status().message().c_str());
    return kExitFailed;
  }
  std::string host = options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind;
  std::fprintf(stderr, "warta: serving %s at http://%s:%d/ (API under /api/, Ctrl-C stops)\n", ctx.db.c_str(), host.c_str(),
               *port);
  g_running = server->get();
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  Status st = (*server)->Run();
  g_running = nullptr;
  if (!st.ok()) {
    std::fprintf(stderr, "warta: %s\n", st.message().c_str());
    return kExitFailed;
  }
  return kExitOk;
}

void AddServeOptions(CLI::App* cmd, server::ServerOptions* options) {
  cmd->add_option("--bind", options->bind, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--port", options->port, "Port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
  cmd->add_option("--token", options->token,
                  "Required when binding beyond loopback; clients send 'Authorization: Bearer TOKEN' "
                  "(or set $WARTA_TOKEN)");
}

void AddServeCommand(CLI::App& app, CommandContext& ctx) {
  auto options = std::make_shared<server::ServerOptions>();
  auto* serve = app.add_subcommand("serve", "Serve the read-only JSON API over HTTP (loopback by default)");
  AddServeOptions(serve, options.get());
  serve->callback([&ctx, options] {
    ctx.ran = true;
    ctx.exit_code = RunServe(ctx, *options);
  });
}

}  // namespace warta::cli
