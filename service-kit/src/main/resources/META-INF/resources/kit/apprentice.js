"use strict";
/*
 * The page kit every domain service shares. A domain's page loads this file and calls
 *   Apprentice.page({ title, drawScene(canvas, scene), describe(scene), failed(scene), failure })
 * and gets: a status bar (served version, ingestion), the live view (the served policy and the
 * expert on the same seed, drawn by the domain's drawScene; the policy's label says when the
 * domain's guard clamped or deferred its latest decision), the latest training job's curves
 * (uPlot, delivered by the kit's WebJar: axes, legend, units) and the evaluation table, whose
 * columns come from the domain's metric descriptions. Optional: sceneHeight (canvas pixels, 120 by
 * default), showReturn (false where the environment's return means nothing to the page's readers)
 * evaluationNote (how to read the table, the normalised return's meaning by default) and
 * describeProtocol(protocol) (the table's title, for domains whose held-out set is not seeds). The
 * dashboard says what the domain has: without a simulator the live view is hidden and never
 * connected; without a shared policy (per-subject models) the served version, training and
 * evaluation are hidden.
 */
const Apprentice = (() => {
  const UPLOT = "webjars/uplot/@uplot.version@/dist/";
  const api = "api/v1/" + document.documentElement.dataset.domain;
  const fmt = (v, d) => (v === null || v === undefined || Number.isNaN(v)) ? "–" : Number(v).toFixed(d);
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => k === "class" ? e.className = v : e.setAttribute(k, v));
    children.forEach(c => e.append(c));
    return e;
  };
  const escape = s => String(s).replace(/[&<>"]/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"})[c]);

  function loadUplot() {
    return new Promise((resolve, reject) => {
      document.head.append(el("link", {rel: "stylesheet", href: UPLOT + "uPlot.min.css"}));
      const s = el("script", {src: UPLOT + "uPlot.iife.min.js"});
      s.onload = resolve;
      s.onerror = reject;
      document.head.append(s);
    });
  }

  const NORMALISED_RETURN = "normalised return: 0 = random, 1 = expert";

  function layout(domain) {
    const height = domain.sceneHeight || 120;
    document.body.append(
      el("header", {}, el("h1", {}, "Apprentice · " + domain.title), el("span", {id: "served"}, "no policy served yet"),
        el("span", {id: "ingest"})),
      el("main", {},
        el("section", {id: "live"}, el("h2", {}, "Live: the served policy and the expert on the same seed"),
          el("div", {class: "scene-label"}, el("span", {id: "policy-label"}, "policy: waiting for a promoted version"),
            el("span", {id: "policy-stats"})),
          el("div", {id: "policy-guard", class: "guard", hidden: ""}),
          el("canvas", {id: "policy-road", class: "scene", width: 900, height}),
          el("div", {class: "scene-label"}, el("span", {id: "expert-label"}, "expert"), el("span", {id: "expert-stats"})),
          el("canvas", {id: "expert-road", class: "scene", width: 900, height}),
          el("div", {class: "scene-label"}, el("span", {id: "seed", class: "muted"}),
            el("span", {id: "frames", class: "muted", "data-count": "0"}))),
        el("section", {id: "training"}, el("h2", {}, "Training"),
          el("div", {id: "job-label", class: "muted"}, "no training job yet"), el("div", {id: "chart", "data-points": "0"})),
        el("section", {id: "evaluation-section", class: "wide"},
          el("h2", {id: "evaluation-title"}, `Evaluation (held-out seeds; ${domain.evaluationNote || NORMALISED_RETURN})`),
          el("table", {id: "evaluation"}, el("thead"), el("tbody")))));
  }

  function connectLive(domain) {
    const source = new EventSource(api + "/live");
    source.onmessage = event => {
      const f = JSON.parse(event.data);
      domain.drawScene(document.getElementById("policy-road"), f.policy);
      domain.drawScene(document.getElementById("expert-road"), f.expert);
      document.getElementById("policy-label").textContent = f.policyVersion
        ? `policy v${f.policyVersion} (${f.policyAlgorithm})` + (f.policy && domain.failed(f.policy) ? " — " + domain.failure : "")
        : "policy: waiting for a promoted version";
      const tail = r => domain.showReturn === false ? "" : ` · return ${fmt(r, 1)}`;
      document.getElementById("policy-stats").textContent = f.policy
        ? `${f.policyAction || ""} · ${domain.describe(f.policy)}${tail(f.policyReturn)}` : "";
      const guard = document.getElementById("policy-guard");
      guard.hidden = !(f.policy && f.policyGuard);
      guard.textContent = f.policy && f.policyGuard ? "guard: " + f.policyGuard : "";
      document.getElementById("expert-label").textContent = "expert" + (domain.failed(f.expert) ? " — " + domain.failure : "");
      document.getElementById("expert-stats").textContent =
        `${f.expertAction || ""} · ${domain.describe(f.expert)}${tail(f.expertReturn)}`;
      document.getElementById("seed").textContent = `seed ${f.seed}`;
      const frames = document.getElementById("frames");
      frames.dataset.count = String(Number(frames.dataset.count) + 1);
      frames.textContent = `${frames.dataset.count} frames`;
    };
    source.onerror = () => { source.close(); setTimeout(() => connectLive(domain), 2000); };
  }

  let chart = null, chartKey = "";
  function drawChart(job) {
    const box = document.getElementById("chart");
    const points = job && job.progress ? job.progress : [];
    const keys = [...new Set(points.flatMap(p => Object.keys(p.metrics || {})))].sort();
    const key = (job ? job.id : "") + "|" + keys.join(",");
    if (!window.uPlot || keys.length === 0) {
      box.dataset.points = "0";
      return;
    }
    const data = [points.map(p => p.iteration)].concat(keys.map(k => points.map(p => {
      const v = (p.metrics || {})[k];
      return typeof v === "number" ? v : null;
    })));
    if (key !== chartKey || !chart) {
      if (chart) chart.destroy();
      const colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];
      // Rates, losses and accuracies share the left axis; counts and throughputs (values beyond 10)
      // get the right one, so that neither flattens the other.
      const large = keys.map((k, i) => data[i + 1].some(v => v !== null && Math.abs(v) > 10));
      const xLabel = job.algorithm === "bc" ? "epoch" : "iteration";
      const axes = [{label: xLabel}, {label: "loss, accuracy, return", scale: "small"}];
      const right = keys.filter((k, i) => large[i]).map(k => k.replaceAll("_", " "));
      // Several names do not fit along the axis: the legend marks their series "(right)" instead.
      if (right.length) axes.push({label: right.length === 1 ? right[0] : "series marked (right)", scale: "large",
        side: 1, size: 70, grid: {show: false}});
      chart = new uPlot({
        width: Math.max(300, box.clientWidth || 520), height: 260,
        scales: {x: {time: false}},
        axes,
        series: [{label: xLabel}].concat(keys.map((k, i) => ({
          label: k.replaceAll("_", " ") + (large[i] && right.length > 1 ? " (right)" : ""),
          stroke: colours[i % colours.length], width: 2, spanGaps: true,
          scale: large[i] ? "large" : "small",
          value: (u, v) => v === null || v === undefined ? "–" : v.toFixed(3)}))),
      }, data, box);
      chartKey = key;
    } else {
      chart.setData(data);
    }
    box.dataset.points = String(data.slice(1).reduce((n, s) => n + s.filter(v => v !== null).length, 0));
  }

  function cell(spec, value) {
    if (value === null || value === undefined) return "<td>–</td>";
    return spec.unit === "%" ? `<td>${fmt(100 * value, spec.decimals)} %</td>` : `<td>${fmt(value, spec.decimals)}</td>`;
  }

  function drawTable(evaluation, note, describeProtocol) {
    const specs = evaluation.metrics;
    document.querySelector("#evaluation thead").innerHTML = "<tr><th>policy</th>" + specs.map(s =>
      `<th>${escape(s.label)}${s.unit && s.unit !== "%" ? " (" + escape(s.unit) + ")" : ""}</th>`).join("") + "</tr>";
    const rows = [];
    for (const b of evaluation.baselines || []) {
      rows.push(`<tr><td>${escape(b.name)}</td>` + specs.map(s => cell(s, b.metrics[s.name])).join("") + "</tr>");
    }
    for (const v of evaluation.versions) {
      const name = `v${v.version} ${v.algorithm || ""} (${v.episodes || "?"} episodes)${v.promoted ? " ★" : ""}`
        + (v.error ? " — " + v.error : "");
      rows.push(`<tr class="${v.promoted ? "promoted" : ""}"><td>${escape(name)}</td>`
        + specs.map(s => cell(s, v.metrics[s.name])).join("") + "</tr>");
    }
    document.querySelector("#evaluation tbody").innerHTML = rows.join("");
    const p = evaluation.protocol;
    document.getElementById("evaluation-title").textContent = describeProtocol ? describeProtocol(p)
      : `Evaluation: ${p.episodes} held-out episodes from seed ${p.firstSeed} against the ${p.expert} expert`
        + ` (${note || NORMALISED_RETURN})`;
  }

  let liveConnected = false;
  async function refresh(domain) {
    try {
      const response = await fetch(api + "/dashboard");
      if (!response.ok) throw new Error("HTTP " + response.status);
      const d = await response.json();
      document.getElementById("live").hidden = !d.simulated;
      if (d.simulated && !liveConnected) {
        liveConnected = true;
        connectLive(domain);
      }
      for (const id of ["served", "training", "evaluation-section"]) document.getElementById(id).hidden = !d.sharedPolicy;
      document.getElementById("ingest").textContent =
        `stored episodes: ${d.storedEpisodes} · records stored ${d.ingest.stored}, dead-lettered ${d.ingest.deadLettered}`
        + (d.ingestion && d.ingestion.state.endsWith("failed")
          ? ` · ingestion ${d.ingestion.state} since ${d.ingestion.since}${d.ingestion.cause ? ": " + d.ingestion.cause : ""}` : "");
      if (!d.sharedPolicy) return;
      document.getElementById("served").textContent = d.served
        ? `serving v${d.served.version} (${d.served.algorithm})` : "no policy served yet";
      const job = d.jobs.length ? d.jobs[d.jobs.length - 1] : null;
      document.getElementById("job-label").textContent = job
        ? `${job.id}: ${job.algorithm}, ${job.status}`
          + (job.latest ? `, iteration ${job.latest.iteration}/${job.latest.maxIterations}` : "")
          + (job.version ? ` → v${job.version}${job.promoted ? " (promoted)" : ""}` : "") + (job.error ? ` — ${job.error}` : "")
        : "no training job yet";
      drawChart(job);
      drawTable(d.evaluation, domain.evaluationNote, domain.describeProtocol);
    } catch (e) {
      const served = document.getElementById("served");
      served.hidden = false;
      served.textContent = "dashboard unavailable: " + e;
    }
  }

  return {
    /** Builds the page and starts it; domain = {title, drawScene(canvas, scene), describe(scene), failed(scene), failure, ...}. */
    page(domain) {
      layout(domain);
      loadUplot().catch(() => {}).finally(() => refresh(domain));
      setInterval(() => refresh(domain), 2000);
    },
  };
})();
