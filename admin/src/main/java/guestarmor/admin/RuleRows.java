package guestarmor.admin;

import guestarmor.HelperFacade;
import guestarmor.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rules as rows for tables and JSON: the element, the rule line as the .files has it. */
final class RuleRows {
  private RuleRows() {}

  static List<Map<String, Object>> json(List<Rule> rules) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Rule r : rules) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("origin", r.origin());
      m.put("path", r.path().display());
      m.put("perms", r.perms());
      m.put("deny", r.deny());
      m.put("line", HelperFacade.line(r).strip());
      rows.add(m);
    }
    return rows;
  }
}
