// kg graph view: turns the page's JSON data into a vis-network graph.
// Every string from the data is shown with textContent, never parsed as HTML;
// links are real <a> elements only for absolute http(s) URLs.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);

  function webUrl(text) {
    try {
      var url = new URL(String(text));
      return (url.protocol === "https:" || url.protocol === "http:") ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // A tooltip as DOM nodes; links clickable only where the pointer can reach them (the pinned panel).
  function tipElement(tip, clickable) {
    var box = element("div", "kg-tip");
    box.appendChild(element("div", "kg-tip-heading", tip.heading));
    if (tip.kind) { box.appendChild(element("div", "kg-tip-kind", tip.kind)); }
    tip.rows.forEach(function (row) {
      var line = element("div", "kg-tip-row");
      line.appendChild(element("span", "kg-tip-key", row[0] + ": "));
      line.appendChild(element("span", "kg-tip-value", row[1]));
      box.appendChild(line);
    });
    if (tip.text) { box.appendChild(element("div", "kg-tip-text", tip.text)); }
    var links = element("div", "kg-tip-links");
    tip.links.forEach(function (link) {
      var url = webUrl(link[1]);
      if (!url) { return; }
      if (clickable) {
        var anchor = element("a", null, link[0]);
        anchor.href = url;
        anchor.target = "_blank";
        anchor.rel = "noopener noreferrer";
        links.appendChild(anchor);
      } else {
        links.appendChild(element("span", "kg-tip-key", link[0]));
      }
    });
    if (links.childNodes.length) { box.appendChild(links); }
    return box;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (node) {
    node.title = tipElement(node.tip, false);
    return node;
  }));
  var edges = new vis.DataSet(data.edges.map(function (edge, index) {
    edge.id = index;
    edge.title = tipElement(edge.tip, false);
    return edge;
  }));
  var container = document.getElementById("kg-graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var status = document.getElementById("kg-status");
  var details = document.getElementById("kg-details");
  var detailsBody = document.getElementById("kg-details-body");

  function settled() {
    network.setOptions({ physics: false });
    status.textContent = nodes.length + " nodes, " + edges.length + " edges";
    document.body.setAttribute("data-settled", "true");
  }
  network.on("stabilizationProgress", function (progress) {
    status.textContent = "Laying out\u2026 " + Math.round(100 * progress.iterations / progress.total) + "%";
  });
  network.once("stabilizationIterationsDone", settled);
  if (nodes.length === 0) { settled(); }

  function showDetails(tip) {
    detailsBody.replaceChildren(tipElement(tip, true));
    details.hidden = false;
  }
  function hideDetails() { details.hidden = true; }
  document.getElementById("kg-close").addEventListener("click", hideDetails);

  network.on("click", function (event) {
    if (event.nodes.length) { showDetails(nodes.get(event.nodes[0]).tip); }
    else if (event.edges.length) { showDetails(edges.get(event.edges[0]).tip); }
    else { hideDetails(); }
  });
  network.on("doubleClick", function (event) {
    if (!event.nodes.length) { return; }
    var url = webUrl(nodes.get(event.nodes[0]).open);
    if (url) { window.open(url, "_blank", "noopener,noreferrer"); }
  });

  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: { duration: 400 } });
    showDetails(nodes.get(id).tip);
  }

  // Search: a datalist of labels; picking one focuses that node.
  var byLabel = {};
  var names = document.getElementById("kg-names");
  nodes.forEach(function (node) {
    var key = node.label + " (" + node.kind + ")";
    if (byLabel[key] === undefined) {
      byLabel[key] = node.id;
      var option = document.createElement("option");
      option.value = key;
      names.appendChild(option);
    }
  });
  document.getElementById("kg-search").addEventListener("change", function (event) {
    var id = byLabel[event.target.value];
    if (id !== undefined) { focusNode(id); }
  });

  // Community legend: ring colour, biggest member, size; clicking selects the community.
  var list = document.getElementById("kg-communities");
  data.communities.forEach(function (community, index) {
    var item = element("li");
    var ring = element("span", "kg-ring");
    ring.style.borderColor = community.colour;
    item.appendChild(ring);
    item.appendChild(element("span", "kg-count", community.size));
    item.appendChild(document.createTextNode(community.label));
    item.addEventListener("click", function () {
      network.selectNodes(community.nodes);
      network.fit({ nodes: community.nodes, animation: { duration: 400 } });
    });
    list.appendChild(item);
  });
  if (!data.communities.length) {
    document.getElementById("kg-communities-heading").hidden = true;
  }

  window.network = network;
  window.kgView = { nodes: nodes, edges: edges, showDetails: showDetails, focusNode: focusNode };
})();
