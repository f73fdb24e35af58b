package guestarmor.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void objectsKeepTheirKeyOrderAndValuesTheirTypes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", 1);
    m.put("a", true);
    m.put("n", null);
    m.put("l", List.of("x", 2L));
    assertEquals("{\"z\":1,\"a\":true,\"n\":null,\"l\":[\"x\",2]}", Json.write(m));
  }

  @Test
  void stringsEscapeQuotesBackslashesAndControlCharacters() {
    assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", Json.write("a\"b\\c\nd\u0001"));
  }

  @Test
  void anUnknownTypeIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Json.write(Arrays.asList(new Object())));
  }
}
