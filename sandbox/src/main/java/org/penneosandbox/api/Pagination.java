package org.penneosandbox.api;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.penneosandbox.json.ApiException;

/**
 * Penneo's list paging: with {@code x-paginate: true} a list answers one page ({@code page} from 1,
 * {@code per_page}) and a {@code Link} header with {@code rel="next"}, {@code "prev"} and {@code
 * "first"} pointing at absolute URLs built from the request's own URL (so they work behind any host
 * name the client used). A single page gets an empty Link header, as Penneo sends.
 */
public final class Pagination {

  public static final int DEFAULT_PER_PAGE = 100;
  public static final int MAX_PER_PAGE = 1000;

  /** The page asked for, validated. */
  public record Page(int page, int perPage) {
    public <T> List<T> slice(List<T> all) {
      long from = (long) (page - 1) * perPage;
      if (from >= all.size()) {
        return List.of();
      }
      return all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    }
  }

  private Pagination() {}

  public static Page page(String page, String perPage) {
    return new Page(
        parse(page, "page", 1, Integer.MAX_VALUE, 1),
        parse(perPage, "per_page", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE));
  }

  private static int parse(String value, String name, int min, int max, int dflt) {
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min || n > max) {
        throw ApiException.badRequest(name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be an integer");
    }
  }

  /** The Link header for this page of {@code total} items, requested at {@code requestUri}. */
  public static String linkHeader(URI requestUri, Page p, int total) {
    int pages = Math.max(1, (total + p.perPage() - 1) / p.perPage());
    if (pages == 1 && p.page() == 1) {
      return "";
    }
    List<String> links = new ArrayList<>();
    if (p.page() < pages) {
      links.add(link(requestUri, p.page() + 1, p.perPage(), "next"));
    }
    if (p.page() > 1) {
      links.add(link(requestUri, Math.min(p.page() - 1, pages), p.perPage(), "prev"));
    }
    links.add(link(requestUri, 1, p.perPage(), "first"));
    return String.join(", ", links);
  }

  private static String link(URI requestUri, int page, int perPage, String rel) {
    return "<" + withPage(requestUri, page, perPage) + ">; rel=\"" + rel + "\"";
  }

  /** The request URI with page and per_page replaced, other query parameters kept in order. */
  static URI withPage(URI uri, int page, int perPage) {
    List<String> params = new ArrayList<>();
    String raw = uri.getRawQuery();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
        if (!name.equals("page") && !name.equals("per_page") && !pair.isEmpty()) {
          params.add(pair);
        }
      }
    }
    params.add("page=" + page);
    params.add("per_page=" + perPage);
    String base = uri.toString();
    int q = base.indexOf('?');
    int hash = base.indexOf('#');
    String path = q >= 0 ? base.substring(0, q) : hash >= 0 ? base.substring(0, hash) : base;
    return URI.create(path + "?" + String.join("&", params));
  }
}
