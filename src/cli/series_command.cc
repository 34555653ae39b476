#include "cli/series_command.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/format.h"
#include "query/knowledge_reader.h"
#include "query/series_views.h"

namespace warta::cli {

namespace {

using nlohmann::json;

struct SeriesArgs {
  int64_t id = 0;  // 0: list them
  std::string from, to;
  size_t limit = 20, offset = 0;
  bool json = false;
};

std::string SeriesDay(const json& iso) {
  return iso.is_string() ? iso.get<std::string>().substr(0, 10) : std::string("undated");
}

// "1.553.000", "0,25": a figure as Indonesian writes it.
std::string SeriesNumber(double v) {
  const bool whole = v == static_cast<double>(static_cast<int64_t>(v));
  std::string s = whole ? fmt::format("{}", static_cast<int64_t>(v)) : fmt::format("{:.2f}", v);
  size_t dot = s.find('.');
  std::string int_part = s.substr(0, dot), frac = dot == std::string::npos ? "" : "," + s.substr(dot + 1);
  std::string grouped;
  int n = 0;
  for (auto it = int_part.rbegin(); it != int_part.rend(); ++it) {
    if (n && n % 3 == 0 && *it != '-') grouped.insert(grouped.begin(), '.');
    grouped.insert(grouped.begin(), *it);
    ++n;
  }
  return grouped + frac;
}

int ListSeries(const CommandContext& ctx, const SeriesArgs& args) {
  store::ListFilter f;
  f.limit = args.limit;
  f.offset = args.offset;
  if (!args.from.empty() && !(f.from = ParseDateBound(args.from, false)))
    return Fail(Status::InvalidArgument("--from: '" + args.from + "' is not YYYY, YYYY-MM or YYYY-MM-DD"));
  if (!args.to.empty() && !(f.to = ParseDateBound(args.to, true)))
    return Fail(Status::InvalidArgument("--to: '" + args.to + "' is not YYYY, YYYY-MM or YYYY-MM-DD"));
  auto kb = query::KnowledgeReader::Open(ctx.db);
  if (!kb.ok()) return Fail(kb.status());
  auto listing = query::SeriesListJson((*kb)->store(), f);
  if (!listing.ok()) return Fail(listing.status());
  if (args.json) {
    std::cout << listing->dump(2) << "\n";
    return kExitOk;
  }
  const json& items = (*listing)["items"];
  if (items.empty()) {
    std::cout << "no series" << (args.from.empty() && args.to.empty() ? " found yet" : " in that range") << "\n";
    return kExitOk;
  }
  std::cout << fmt::format("{:>8}  {:<22} {:>5}  {:<18} {}\n", "series", "dates", "items", "outlet", "name");
  for (const auto& s : items)
    std::cout << fmt::format("{:>8}  {:<22} {:>5}  {:<18} {}\n", s["id"].get<int64_t>(),
                             SeriesDay(s["first_published"]) + ".." + SeriesDay(s["last_published"]),
                             s["article_count"].get<int64_t>(), s.value("outlet", ""), s.value("name", ""));
  std::cout << fmt::format("{} of {} series\n", items.size(), (*listing)["total"].get<int64_t>());
  return kExitOk;
}

int ShowSeries(const CommandContext& ctx, const SeriesArgs& args) {
  auto kb = query::KnowledgeReader::Open(ctx.db);
  if (!kb.ok()) return Fail(kb.status());
  auto series = query::SeriesJson((*kb)->store(), args.id);
  if (!series.ok()) return Fail(series.status());
  if (args.json) {
    std::cout << series->dump(2) << "\n";
    return kExitOk;
  }
  const json& s = *series;
  std::cout << fmt::format("series {}: {}\n{} ({}), {} items, {} .. {}\n", args.id, s.value("name", ""),
                           s.value("outlet", ""), s.value("network", ""), s["article_count"].get<int64_t>(),
                           SeriesDay(s["first_published"]), SeriesDay(s["last_published"]));
  std::cout << "\nitems:\n";
  for (const auto& a : s["articles"])
    std::cout << fmt::format("  {} {} [{}]\n", SeriesDay(a["published"]), a.value("title", ""),
                             a.value("id", "").substr(0, 12));
  if (s["figures"].empty()) {
    std::cout << "\nno figures in its items' claims\n";
    return kExitOk;
  }
  std::cout << fmt::format("\nfigures over time:\n  {:<10}  {:>24}  {:<14} {}\n", "date", "figure", "unit", "claim");
  for (const auto& c : s["figures"]) {
    const double low = c.value("low", 0.0), high = c.value("high", 0.0);
    std::string figure = low == high ? SeriesNumber(low) : SeriesNumber(low) + "–" + SeriesNumber(high);
    std::cout << fmt::format("  {:<10}  {:>24}  {:<14} {}\n", c.value("date", "").empty() ? "undated" : c.value("date", ""),
                             figure, c.value("unit", ""), c.value("text", ""));
  }
  if (s.value("figures_truncated", false))
    std::cout << fmt::format("(the first {} of {} figures)\n", s["figures"].size(), s["figures_total"].get<int64_t>());
  return kExitOk;
}

}  // namespace

void AddSeriesCommand(CLI::App& app, CommandContext& ctx) {
  auto args = std::make_shared<SeriesArgs>();
  auto* cmd = app.add_subcommand(
      "series", "Recurring reports from one template (daily prices, rates, weather, match reports); with an ID, "
                "one series' items and its figures over time");
  cmd->add_option("id", args->id, "Series id (from 'warta series'); none lists them")->check(CLI::PositiveNumber);
  cmd->add_option("--from", args->from, "Listing: series with items on or after (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--to", args->to, "Listing: series with items on or before (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--limit", args->limit, "Listing: how many to show")->check(CLI::Range(1, 100000));
  cmd->add_option("--offset", args->offset, "Listing: how many to skip");
  cmd->add_flag("--json", args->json, "As JSON");
  cmd->callback([&ctx, args] {
    ctx.ran = true;
    ctx.exit_code = args->id ? ShowSeries(ctx, *args) : ListSeries(ctx, *args);
  });
}

}  // namespace warta::cli
