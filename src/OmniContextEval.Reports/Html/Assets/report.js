// Makes the case table sortable and filterable (the charts are inlined SVG and need no script). No network access.
(function () {
  var table = document.getElementById('cases');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  table.querySelectorAll('th[data-sort]').forEach(function (th, index) {
    var ascending = true;
    th.addEventListener('click', function () {
      var column = th.cellIndex, numeric = th.dataset.sort === 'num';
      rows.sort(function (a, b) {
        var x = a.cells[column].dataset.value || a.cells[column].textContent;
        var y = b.cells[column].dataset.value || b.cells[column].textContent;
        var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return ascending ? order : -order;
      });
      ascending = !ascending;
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  var text = document.getElementById('filter'), subtask = document.getElementById('subtask-filter');
  function apply() {
    var needle = text.value.toLowerCase(), wanted = subtask.value;
    rows.forEach(function (r) {
      var show = r.textContent.toLowerCase().indexOf(needle) >= 0 && (!wanted || r.dataset.subtask === wanted);
      r.style.display = show ? '' : 'none';
    });
  }
  text.addEventListener('input', apply);
  subtask.addEventListener('change', apply);
})();
