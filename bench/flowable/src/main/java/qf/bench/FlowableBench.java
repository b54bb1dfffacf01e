package qf.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;

/**
 * Issue 18 goal 2, the Flowable side: an embedded Flowable engine on PostgreSQL running the shape of a QualityFlow
 * review case (start → user task → exclusive gateway → end), end to end: start an instance, find its task, complete
 * it with decision=approve, check the instance has ended. Measures instances/s at a given concurrency and the task
 * completion's p50/p99, and prints JSON on stdout.
 *
 * <pre>
 * java -cp 'target/flowable-bench.jar:target/lib/*' qf.bench.FlowableBench --jdbc URL --user U --password P
 *      [--n 200] [--warmup 100] [--concurrency 1,10] [--serve]
 * </pre>
 *
 * Without --serve: one warm-up, then one run per concurrency; prints one JSON object and exits. With --serve (used by
 * bench/api.bench.ts so both sides alternate in one run on a warm JVM): warms up, prints {"ready":true,...}, then
 * answers each stdin line "CONCURRENCY N" with one JSON line, until "quit" or end of input.
 */
public final class FlowableBench {
  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;

  private FlowableBench(ProcessEngine engine) {
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = parse(argv);
    String jdbc = required(args, "jdbc");
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(jdbc);
    hc.setUsername(args.getOrDefault("user", "postgres"));
    hc.setPassword(args.getOrDefault("password", "postgres"));
    hc.setMaximumPoolSize(Integer.parseInt(args.getOrDefault("pool", "20")));
    try (HikariDataSource ds = new HikariDataSource(hc)) {
      ProcessEngineConfiguration cfg = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
          .setDataSource(ds)
          .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
          .setAsyncExecutorActivate(false)
          // who decided what, and when: kept, as QualityFlow keeps its audit trail
          .setHistoryLevel(HistoryLevel.AUDIT);
      ProcessEngine engine = cfg.buildProcessEngine();
      try {
        engine.getRepositoryService().createDeployment().addClasspathResource("review.bpmn20.xml").deploy();
        FlowableBench bench = new FlowableBench(engine);
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "100"));
        bench.run(10, warmup);
        if (args.containsKey("serve")) bench.serve();
        else {
          int n = Integer.parseInt(args.getOrDefault("n", "200"));
          List<String> runs = new ArrayList<>();
          for (String c : args.getOrDefault("concurrency", "1,10").split(","))
            runs.add(bench.run(Integer.parseInt(c.trim()), n));
          System.out.println("{\"flowable\":\"" + ProcessEngine.VERSION + "\",\"runs\":[" + String.join(",", runs) + "]}");
        }
      } finally {
        engine.close();
      }
    }
  }

  private void serve() throws Exception {
    System.out.println("{\"ready\":true,\"flowable\":\"" + ProcessEngine.VERSION + "\"}");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      line = line.trim();
      if (line.isEmpty()) continue;
      if (line.equals("quit")) break;
      String[] p = line.split("\\s+");
      String out;
      try {
        out = run(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
      } catch (Exception e) {
        out = "{\"error\":\"" + String.valueOf(e).replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
      }
      System.out.println(out);
      System.out.flush();
    }
  }

  /** n instances end to end over `concurrency` threads; returns one JSON object. */
  private String run(int concurrency, int n) throws Exception {
    List<Double> completeMs = Collections.synchronizedList(new ArrayList<>(n));
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long t0 = System.nanoTime();
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int w = 0; w < concurrency; w++)
        fs.add(pool.submit(() -> {
          while (next.getAndIncrement() < n) completeMs.add(oneInstance());
          return null;
        }));
      for (Future<?> f : fs) f.get();
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Double> sorted = new ArrayList<>(completeMs);
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "{\"concurrency\":%d,\"instances\":%d,\"seconds\":%.3f,\"instancesPerSec\":%.2f,\"taskP50Ms\":%.2f,\"taskP99Ms\":%.2f}",
        concurrency, n, seconds, n / seconds, pct(sorted, 0.5), pct(sorted, 0.99));
  }

  /** start → find the open task → complete it (approve) → the instance has ended; returns the completion's ms. */
  private double oneInstance() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("title", "bench");
    ProcessInstance pi = runtime.startProcessInstanceByKey("review", UUID.randomUUID().toString(), vars);
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    if (task == null) throw new IllegalStateException("no open task for " + pi.getId());
    long t = System.nanoTime();
    tasks.complete(task.getId(), Map.of("decision", "approve"));
    double ms = (System.nanoTime() - t) / 1e6;
    if (runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() != 0)
      throw new IllegalStateException("instance " + pi.getId() + " did not end");
    return ms;
  }

  private static double pct(List<Double> sorted, double p) {
    if (sorted.isEmpty()) return Double.NaN;
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(sorted.size() * p)));
  }

  private static Map<String, String> parse(String[] argv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < argv.length; i++) {
      if (!argv[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument " + argv[i]);
      String k = argv[i].substring(2);
      if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) m.put(k, argv[++i]);
      else m.put(k, "true");
    }
    return m;
  }

  private static String required(Map<String, String> args, String k) {
    String v = args.get(k);
    if (v == null) throw new IllegalArgumentException("--" + k + " is required");
    return v;
  }
}
