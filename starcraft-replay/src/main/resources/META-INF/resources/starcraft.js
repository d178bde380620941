"use strict";
/*
 * The StarCraft II pages. replays(): links to the three minigame pages and a replay's production
 * timeline beside the served policy's predictions (the file is sent to /starcraft/replays/timeline,
 * never published). minigame(): the kit's page for one minigame domain, drawing the arena: marines
 * teal (ringed when selected), roaches red, the beacon and shards yellow, hit points as a bar, and the
 * last action's click, drag rectangle or order target.
 */
const StarcraftPage = (() => {
  const GAMES = [["move-to-beacon", "MoveToBeacon"], ["collect-mineral-shards", "CollectMineralShards"],
    ["defeat-roaches", "DefeatRoaches"]];
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => k === "class" ? e.className = v : e.setAttribute(k, v));
    children.forEach(c => e.append(c));
    return e;
  };

  function drawArena(canvas, scene) {
    const g = canvas.getContext("2d");
    const w = canvas.width, h = canvas.height;
    g.fillStyle = "#2b2f3a"; g.fillRect(0, 0, w, h);
    if (!scene) {
      g.fillStyle = "#fff"; g.font = "16px system-ui"; g.fillText("no policy is served yet", 20, h / 2);
      return;
    }
    const side = Math.min(w, h), scale = side / scene.arenaSize, left = (w - side) / 2;
    const sx = x => left + x * scale, sy = y => y * scale;
    g.strokeStyle = "#444a58"; g.strokeRect(left, 0, side, side);
    const colours = {self: "#2a9d8f", enemy: "#d62828", neutral: "#f2c14e"};
    for (const u of scene.units) {
      g.beginPath(); g.arc(sx(u.x), sy(u.y), Math.max(2, u.radius * scale), 0, 2 * Math.PI);
      g.fillStyle = colours[u.owner] || "#999"; g.fill();
      if (u.selected) { g.strokeStyle = "#7CFC00"; g.lineWidth = 2; g.stroke(); }
      if (u.owner !== "neutral") {
        g.fillStyle = "#111"; g.fillRect(sx(u.x) - 6, sy(u.y) - u.radius * scale - 5, 12, 3);
        g.fillStyle = "#9be564"; g.fillRect(sx(u.x) - 6, sy(u.y) - u.radius * scale - 5, 12 * u.hitPointsRatio, 3);
      }
    }
    const a = scene.lastAction;
    if (a && a.points.length) {
      g.strokeStyle = "#ffffff"; g.lineWidth = 1; g.setLineDash([4, 3]);
      if (a.points.length === 2) {
        const [p, q] = a.points;
        g.strokeRect(sx(Math.min(p[0], q[0])), sy(Math.min(p[1], q[1])), Math.abs(p[0] - q[0]) * scale,
          Math.abs(p[1] - q[1]) * scale);
      } else {
        const [p] = a.points;
        g.beginPath(); g.moveTo(sx(p[0]) - 6, sy(p[1])); g.lineTo(sx(p[0]) + 6, sy(p[1]));
        g.moveTo(sx(p[0]), sy(p[1]) - 6); g.lineTo(sx(p[0]), sy(p[1]) + 6); g.stroke();
      }
      g.setLineDash([]);
    }
  }

  function minigame() {
    const game = GAMES.find(([id]) => "starcraft-" + id === document.documentElement.dataset.domain);
    Apprentice.page({
      title: "StarCraft II " + game[1],
      drawScene: drawArena,
      sceneHeight: 420,
      describe: scene => `t = ${scene.seconds.toFixed(1)} s · score ${scene.score.toFixed(0)}`,
      failed: scene => !!scene && scene.minigame === "DefeatRoaches" && !scene.units.some(u => u.owner === "self"),
      failure: "every marine lost",
      evaluationNote: "normalised score: 0 = random actions, 1 = pysc2's scripted agent",
    });
    document.querySelector("header").append(el("a", {href: "./", style: "color:#fff"}, "replays"));
  }

  function timelineSection() {
    const key = el("input", {type: "password", id: "timeline-key", placeholder: "decision or admin key (if required)"});
    key.value = sessionStorage.getItem("apprentice-key") || "";
    const file = el("input", {type: "file", id: "timeline-file", accept: ".SC2Replay"});
    const section = el("section", {id: "timeline", class: "wide"},
      el("h2", {}, "A replay's productions beside the served policy's predictions"),
      el("div", {id: "timeline-form"}, file, key,
        el("span", {class: "legend"}, el("span", {class: "hit", style: "background:#2a9d8f"}), "predicted first",
          el("span", {style: "background:#f2c14e"}), "in the top five", el("span", {style: "background:#d62828"}),
          "missed")),
      el("div", {id: "timeline-status", class: "muted"}, "choose a .SC2Replay file: nothing is stored or published"),
      el("div", {id: "timeline-players"}), el("div", {id: "timeline-detail"}));
    file.addEventListener("change", () => file.files.length && show(file.files[0], key));
    return section;
  }

  async function show(file, key) {
    const status = document.getElementById("timeline-status");
    const players = document.getElementById("timeline-players");
    status.className = "muted"; status.textContent = "decoding " + file.name + " …"; players.replaceChildren();
    sessionStorage.setItem("apprentice-key", key.value);
    const headers = {"Content-Type": "application/octet-stream"};
    if (key.value) headers.Authorization = "Bearer " + key.value;
    const response = await fetch("api/v1/starcraft/replays/timeline", {method: "POST", headers, body: file});
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      status.className = "error"; status.textContent = `${response.status}: ${body.message || "the replay was refused"}`;
      return;
    }
    status.textContent = `replay ${body.replayId}${body.heldOut ? " (held out: never trained on)" : ""} · policy v`
      + `${body.policyVersion}`;
    for (const p of body.players) {
      const last = p.steps.length ? p.steps[p.steps.length - 1].seconds : 1;
      const bar = el("div", {class: "timeline"});
      p.steps.forEach((s, i) => {
        const mark = el("span", {class: s.rank === 0 ? "hit" : s.rank < 5 ? "top5" : "miss", "data-step": String(i),
          style: `left: calc(${(100 * s.seconds / Math.max(last, 1)).toFixed(2)}% - 3px)`});
        mark.title = `${Math.floor(s.seconds / 60)}:${String(Math.floor(s.seconds % 60)).padStart(2, "0")} ${s.production}`
          + ` — predicted ${s.predicted.map(q => `${q.production} ${(100 * q.probability).toFixed(0)} %`).join(", ")}`;
        mark.addEventListener("mouseenter", () => document.getElementById("timeline-detail").textContent = mark.title);
        bar.append(mark);
      });
      players.append(el("div", {class: "player"}, `${p.name} (${p.race}${p.human ? "" : ", computer"}): `
        + `${p.steps.length} productions, top-1 ${(100 * p.top1).toFixed(1)} %, top-5 ${(100 * p.top5).toFixed(1)} %`), bar);
    }
  }

  function replays() {
    const main = document.querySelector("main");
    main.prepend(el("section", {id: "games", class: "wide"}, el("h2", {}, "Minigames: a policy playing live beside"
      + " pysc2's scripted agent"), el("nav", {class: "games"}, ...GAMES.map(([id, name]) =>
      el("a", {href: "minigame.html?game=" + id, id: "link-" + id}, name)))));
    main.append(timelineSection());
  }

  return {replays, minigame};
})();
