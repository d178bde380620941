"use strict";
/*
 * The phone-security page's own views, added below the kit's status bar: the live session (the
 * demo owner's phone held by the owner and by impostors in turn, the session's running score
 * against its accept and lock thresholds) and the real-data evaluation (averaged DET curves on
 * probit axes, the EER table beside them). Both poll the domain's endpoints; nothing is drawn from
 * a feature value, as the endpoints hold none.
 */
const PhoneSecurityPage = (() => {
  const api = "api/v1/" + document.documentElement.dataset.domain;
  const DECISION = {"accept": "#2a9d8f", "step-up": "#d4a017", "lock": "#c1121f"};
  const HOLDER = {"owner": "rgba(31,111,209,0.08)", "impostor": "rgba(193,18,31,0.08)"};
  const METHOD = {"imitation": "#1d3557", "imitation-policy": "#457b9d", "imitation-discriminator": "#8ecae6",
    "logistic-regression": "#e76f51", "scaled-manhattan": "#2a9d8f", "nearest-neighbours": "#9467bd",
    "gaussian-density": "#8c564b"};
  const FONT = "12px system-ui, sans-serif";
  const pct = v => (100 * v).toFixed(1) + " %";
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => k === "class" ? e.className = v : e.setAttribute(k, v));
    children.forEach(c => e.append(c));
    return e;
  };

  function layout() {
    document.querySelector("main").prepend(
      el("section", {id: "live-session", class: "wide"},
        el("h2", {}, "Live: the demo owner's phone, held by the owner and by impostors in turn"),
        el("div", {class: "scene-label"}, el("span", {id: "live-status"}, "waiting for the demo cohort"),
          el("span", {id: "live-demo", class: "muted"})),
        el("canvas", {id: "live-chart", class: "plot", width: 1200, height: 300, "data-owner": "0", "data-impostor": "0"})),
      el("section", {id: "det-section", class: "wide"},
        el("h2", {}, "Hold-and-Tap: averaged DET curves and equal error rates"),
        el("div", {id: "det-state", class: "muted"}, "no evaluation yet"),
        el("div", {class: "controls"},
          el("label", {}, "features ", el("select", {id: "det-features"})),
          el("label", {}, "verified while ", el("select", {id: "det-activity"}))),
        el("div", {class: "det-box"},
          el("canvas", {id: "det-chart", class: "plot", width: 600, height: 460, "data-curves": ""}),
          el("table", {id: "eer-table"}, el("thead"), el("tbody")))));
  }

  // ---- the live session ----

  function drawLive(canvas, points) {
    const g = canvas.getContext("2d"), W = canvas.width, H = canvas.height;
    const L = 56, R = W - 12, T = 22, B = H - 28;
    g.fillStyle = "#fff"; g.fillRect(0, 0, W, H); g.font = FONT;
    if (!points.length) return;
    // The lock threshold sits far below the owner's scores and impostors' fall further still: the
    // scale keeps both thresholds and the owner's scores in view and clips what lies below.
    const accept = Math.max(...points.map(p => p.acceptThreshold));
    const lock = Math.min(...points.map(p => p.lockThreshold));
    const gap = Math.max(accept - lock, 1e-6);
    const lo = Math.max(Math.min(...points.map(p => p.score)), lock - 1.5 * gap);
    const hi = Math.max(...points.map(p => p.score), accept) + 0.3 * gap;
    const x = i => L + (R - L) * (i + 0.5) / Math.max(points.length, 60);
    const y = v => T + (B - T) * (hi - Math.max(lo, Math.min(hi, v))) / (hi - lo);
    // Who holds the phone: a tinted band per session, labelled.
    let start = 0;
    for (let i = 1; i <= points.length; i++) {
      if (i === points.length || points[i].session !== points[start].session) {
        const p = points[start];
        g.fillStyle = HOLDER[p.holder];
        g.fillRect(x(start) - (x(1) - x(0)) / 2, T, x(i - 1) - x(start) + (x(1) - x(0)), B - T);
        // A session cut short by the chart's left edge may be too narrow to name.
        if (x(i - 1) - x(start) >= g.measureText(p.holder).width) {
          g.fillStyle = p.holder === "owner" ? "#1f6fd1" : "#c1121f"; g.textAlign = "left"; g.textBaseline = "bottom";
          g.fillText(p.holder, x(start) - 2, T - 3);
        }
        start = i;
      }
    }
    // Thresholds as step lines: they depend on how many samples the score averages.
    for (const [key, colour, name] of [["acceptThreshold", DECISION.accept, "accept"], ["lockThreshold", DECISION.lock, "lock"]]) {
      g.strokeStyle = colour; g.setLineDash([6, 4]); g.lineWidth = 1.5; g.beginPath();
      points.forEach((p, i) => {
        const h = (x(1) - x(0)) / 2;
        if (i === 0) g.moveTo(x(i) - h, y(p[key])); else g.lineTo(x(i) - h, y(p[key]));
        g.lineTo(x(i) + h, y(p[key]));
      });
      g.stroke(); g.setLineDash([]);
      g.fillStyle = colour; g.textAlign = "right"; g.textBaseline = "middle";
      g.fillText(name, L - 4, y(points[points.length - 1][key]));
    }
    // The running score, one line per session, each point coloured by its decision.
    g.lineWidth = 1.5; g.strokeStyle = "#555";
    points.forEach((p, i) => {
      if (i > 0 && points[i - 1].session === p.session) {
        g.beginPath(); g.moveTo(x(i - 1), y(points[i - 1].score)); g.lineTo(x(i), y(p.score)); g.stroke();
      }
    });
    points.forEach((p, i) => {
      g.fillStyle = DECISION[p.decision];
      g.beginPath();
      if (p.score < lo) { g.moveTo(x(i) - 5, B - 8); g.lineTo(x(i) + 5, B - 8); g.lineTo(x(i), B); }
      else g.arc(x(i), y(p.score), 4.5, 0, 2 * Math.PI);
      g.fill();
    });
    g.lineWidth = 1; g.strokeStyle = "#aab"; g.strokeRect(L, T, R - L, B - T);
    g.fillStyle = "#555"; g.textAlign = "center"; g.textBaseline = "top";
    g.fillText("samples, oldest left; session score = mean of its latest samples (▼ below the scale)", (L + R) / 2, B + 8);
    canvas.dataset.owner = String(points.filter(p => p.holder === "owner").length);
    canvas.dataset.impostor = String(points.filter(p => p.holder === "impostor").length);
  }

  async function refreshLive() {
    try {
      const response = await fetch(api + "/live-session");
      if (!response.ok) throw new Error("HTTP " + response.status);
      const view = await response.json();
      const d = view.demo;
      document.getElementById("live-demo").textContent = d.stage === "off" ? "no demo cohort (apprentice.phone-security.demo.users=0)"
        : `demo cohort: ${d.stage} · ${d.users} synthetic users · complete sessions stored ${d.storedSessions}/${d.expectedSessions}`
          + ` · enrolled ${d.enrolled} · ${d.seconds.toFixed(1)} s`;
      drawLive(document.getElementById("live-chart"), view.points);
      const last = view.points[view.points.length - 1];
      const status = document.getElementById("live-status");
      if (last) {
        status.replaceChildren(el("span", {class: "holder"}, last.holder), ` holds the phone · ${last.samplesUsed} samples · score `
          + `${last.score.toFixed(2)} (accept ≥ ${last.acceptThreshold.toFixed(2)}, lock < ${last.lockThreshold.toFixed(2)}) → `,
          el("span", {id: "live-decision", class: "decision " + last.decision}, last.decision));
      }
    } catch (e) {
      document.getElementById("live-status").textContent = "live session unavailable: " + e;
    }
  }

  // ---- the evaluation ----

  // The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9):
  // DET axes are probit-scaled, so that Gaussian score distributions give straight lines.
  function probit(p) {
    const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
    const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
    const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
    const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
    const low = 0.02425;
    if (p < low) {
      const q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) return -probit(1 - p);
    const q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
      / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }

  const TICKS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4, 0.6];
  const MIN = 0.001, MAX = 0.6;

  function drawDet(canvas, cells) {
    const g = canvas.getContext("2d"), W = canvas.width, H = canvas.height;
    const L = 60, R = W - 175, T = 12, B = H - 44;
    g.fillStyle = "#fff"; g.fillRect(0, 0, W, H); g.font = FONT;
    const clamp = v => Math.min(1 - 1e-6, Math.max(1e-6, v));
    const span = probit(MAX) - probit(MIN);
    const x = v => L + (R - L) * (probit(clamp(v)) - probit(MIN)) / span;
    const y = v => B - (B - T) * (probit(clamp(v)) - probit(MIN)) / span;
    g.strokeStyle = "#e6e8ee"; g.fillStyle = "#555";
    for (const t of TICKS) {
      g.beginPath(); g.moveTo(x(t), T); g.lineTo(x(t), B); g.moveTo(L, y(t)); g.lineTo(R, y(t)); g.stroke();
      const text = String(Number((100 * t).toPrecision(2)));
      g.textAlign = "center"; g.textBaseline = "top"; g.fillText(text, x(t), B + 4);
      g.textAlign = "right"; g.textBaseline = "middle"; g.fillText(text, L - 4, y(t));
    }
    g.textAlign = "center"; g.textBaseline = "top";
    g.fillText("false accept rate (%, probit scale)", (L + R) / 2, B + 22);
    g.save(); g.translate(12, (T + B) / 2); g.rotate(-Math.PI / 2); g.fillText("false reject rate (%)", 0, -4); g.restore();
    // The EER line: where a curve crosses it, FAR = FRR.
    g.strokeStyle = "#bbb"; g.setLineDash([3, 3]);
    g.beginPath(); g.moveTo(x(MIN), y(MIN)); g.lineTo(x(MAX), y(MAX)); g.stroke(); g.setLineDash([]);
    g.save(); g.beginPath(); g.rect(L, T, R - L, B - T); g.clip();
    cells.forEach(cell => {
      g.strokeStyle = METHOD[cell.method] || "#333"; g.lineWidth = cell.method === "imitation" ? 3 : 1.8;
      g.beginPath();
      cell.det.forEach((p, i) => i === 0 ? g.moveTo(x(p.far), y(p.frr)) : g.lineTo(x(p.far), y(p.frr)));
      g.stroke();
    });
    g.restore();
    g.lineWidth = 1; g.strokeStyle = "#aab"; g.strokeRect(L, T, R - L, B - T);
    cells.forEach((cell, i) => {
      g.strokeStyle = METHOD[cell.method] || "#333"; g.lineWidth = 3;
      g.beginPath(); g.moveTo(R + 10, T + 10 + 18 * i); g.lineTo(R + 28, T + 10 + 18 * i); g.stroke();
      g.fillStyle = "#333"; g.textAlign = "left"; g.textBaseline = "middle"; g.fillText(cell.method, R + 32, T + 10 + 18 * i);
    });
    g.lineWidth = 1;
    canvas.dataset.curves = cells.map(c => c.method).join(",");
  }

  function drawTable(view, features) {
    const activities = [...new Set(view.cells.map(c => c.activity))];
    const methods = [...new Set(view.cells.map(c => c.method))];
    const k = view.fusedSamples[view.fusedSamples.length - 1];
    document.querySelector("#eer-table thead").innerHTML = `<tr><th>EER (${features})</th>`
      + activities.map(a => `<th>${a}</th><th>${a}, ${k} samples</th>`).join("") + "</tr>";
    document.querySelector("#eer-table tbody").innerHTML = methods.map(m => `<tr><td>${m}</td>` + activities.map(a => {
      const c = view.cells.find(x => x.method === m && x.activity === a && x.features === features);
      return c ? `<td>${pct(c.eer.mean)}</td><td>${pct(c.fusedEer[c.fusedEer.length - 1].mean)}</td>` : "<td>–</td><td>–</td>";
    }).join("") + "</tr>").join("");
  }

  function fill(select, values, preferred) {
    if ([...select.options].map(o => o.value).join() === values.join()) return;
    select.replaceChildren(...values.map(v => el("option", {value: v}, v)));
    if (values.includes(preferred)) select.value = preferred;
  }

  let evaluation = null;
  function drawEvaluation() {
    if (!evaluation || evaluation.cells.length === 0) return;
    const features = document.getElementById("det-features"), activity = document.getElementById("det-activity");
    fill(features, [...new Set(evaluation.cells.map(c => c.features))], features.value || "both");
    fill(activity, [...new Set(evaluation.cells.map(c => c.activity))], activity.value || "sitting");
    drawDet(document.getElementById("det-chart"),
      evaluation.cells.filter(c => c.features === features.value && c.activity === activity.value));
    drawTable(evaluation, features.value);
  }

  async function refreshEvaluation() {
    try {
      const response = await fetch(api + "/evaluation");
      if (!response.ok) throw new Error("HTTP " + response.status);
      evaluation = await response.json();
      const p = evaluation.protocol;
      const state = document.getElementById("det-state");
      state.textContent = {
        "off": "no evaluation yet (apprentice.phone-security.evaluation.enabled=false; an administrator can start one)",
        "no-data": "no Hold-and-Tap data directory: no evaluation",
        "running": `evaluating on Hold-and-Tap… ${evaluation.seconds.toFixed(0)} s`
          + (evaluation.cells.length ? " (the curves are the previous evaluation's)" : ""),
        "failed": "the evaluation failed (see the service log)"
          + (evaluation.cells.length ? "; the curves are the previous evaluation's" : ""),
        "done": `${evaluation.cellSeeds.length > 1 ? "seeds" : "seed"} ${evaluation.cellSeeds.join(", ")}: ${p.enrolledUsers} enrolled, ${p.backgroundUsers} background and ${p.impostorUsers}`
          + ` impostor users; each curve is the mean over owners of their FRR at each FAR, each owner at their own`
          + ` thresholds (${evaluation.seconds.toFixed(0)} s)`,
      }[evaluation.state];
      drawEvaluation();
      // An administrator may start another evaluation at any time.
      setTimeout(refreshEvaluation, evaluation.state === "running" ? 3000 : 30000);
    } catch (e) {
      document.getElementById("det-state").textContent = "evaluation unavailable: " + e;
      setTimeout(refreshEvaluation, 5000);
    }
  }

  return {
    /** Adds the live session and the evaluation to the kit's page and keeps them current. */
    start() {
      layout();
      document.getElementById("det-features").onchange = drawEvaluation;
      document.getElementById("det-activity").onchange = drawEvaluation;
      refreshLive();
      setInterval(refreshLive, 1000);
      refreshEvaluation();
    },
  };
})();
