/**
 * Proxy objects as Office.js has them: property writes and method calls queue commands,
 * `load` marks properties to fetch at the next sync, and reading a property that no sync
 * has fetched throws PropertyNotLoaded.
 */
import { Command, CommandResult, Engine, EventName, HandlerRegistration, PreviewContext, maxVersion } from './context';
import { PreviewError } from './errors';

type LoadArgument = string | string[] | OfficeExtension.LoadOption | { [name: string]: unknown };

/** A readable property: how to compute it from the object's target, and the requirement set it needs. */
interface Property<T> {
  get(target: T, engine: Engine): unknown;
  since?: string;
}

export type Properties<T> = Record<string, Property<T>>;

/** `'values, format/fill/color'` → `[['values'], ['format', 'fill', 'color']]`; `*` stands for every property. */
function loadPaths(option: LoadArgument | undefined): string[][] {
  const split = (text: string) =>
    text
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => p.split('/').map((s) => s.trim()));
  if (option === undefined || option === null) return [['*']];
  if (typeof option === 'string') return split(option);
  if (Array.isArray(option)) return option.flatMap(split);
  const o = option as Record<string, unknown>;
  if ('select' in o || 'expand' in o) {
    const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v.flatMap((x) => split(String(x))) : split(String(v)));
    return [...list(o.select), ...list(o.expand)];
  }
  // The typed form: { values: true, format: { fill: { color: true } }, $all: true }
  const out: string[][] = [];
  for (const [name, v] of Object.entries(o)) {
    if (name === '$all') {
      if (v) out.push(['*']);
    } else if (name.startsWith('$')) {
      continue;
    } else if (v && typeof v === 'object') {
      out.push(...loadPaths(v as LoadArgument).map((p) => [name, ...p]));
    } else if (v) {
      out.push([name]);
    }
  }
  return out;
}

export interface ProxyOptions {
  /** Created by an *OrNullObject method: `isNullObject` is known after the next sync. */
  nullable?: boolean;
  /** The highest requirement set on the way to this object (e.g. `1.12` under `customProperties`). */
  requires?: string;
  /** The Excel.run the object belongs to (default: the context's current one). */
  generation?: number;
  /** A root object (`context.workbook.worksheets`): valid in every Excel.run of its context. */
  root?: boolean;
}

export abstract class PreviewObject<T> {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  protected readonly requires: string | undefined;
  private readonly generation: number | undefined;

  constructor(
    readonly context: PreviewContext,
    protected readonly entity: string,
    private readonly properties: Properties<T>,
    private readonly resolve: () => T | null,
    options: ProxyOptions = {},
  ) {
    this.requires = options.requires;
    this.generation = options.root ? undefined : (options.generation ?? context.generation);
    if (options.nullable) {
      this.enqueue({
        location: `${entity}.isNullObject`,
        since: this.requires,
        run: () => {
          const isNull = this.resolve() === null;
          return { response: { _IsNull: isNull }, apply: () => (this.nullState = isNull) };
        },
      });
    }
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw this.notLoaded('isNullObject');
    return this.nullState;
  }

  /** Options for an object reached from this one: it needs what this one needs, and lives as long. */
  protected child(options: ProxyOptions = {}): ProxyOptions {
    return { ...options, requires: maxVersion(this.requires, options.requires), generation: this.generation };
  }

  private enqueue(command: Command): void {
    this.context.enqueue(command, this.generation);
  }

  protected get engine(): Engine {
    return this.context.engine;
  }

  private notLoaded(name: string): PreviewError {
    return new PreviewError('PropertyNotLoaded', `${this.entity}.${name} was not loaded: call load('${name}') and context.sync() before reading it`, `${this.entity}.${name}`);
  }

  /** A loaded property; a null object's properties read as undefined, as in Office.js. */
  protected read<V>(name: string): V {
    if (this.nullState === true) return undefined as V;
    if (!this.loaded.has(name)) throw this.notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** The object's target at sync time; a null object cannot be changed. */
  protected target(): T {
    const t = this.resolve();
    if (t === null) throw new PreviewError('ItemNotFound', `this ${this.entity} is a null object: check isNullObject before using it`);
    return t;
  }

  /** Queues a write or a method call, run against the target at the next sync. */
  protected command(member: string, run: (target: T) => CommandResult | void, options: { since?: string; request?: unknown } = {}): void {
    this.enqueue({
      location: `${this.entity}.${member}`,
      since: maxVersion(this.requires, options.since),
      request: options.request,
      run: () => run(this.target()),
    });
  }

  /** Navigation properties (`format`, `fill`, `customProperties`…) by name, for load paths. */
  protected navigations(): Record<string, () => PreviewObject<unknown>> {
    return {};
  }

  load(option?: LoadArgument): this {
    this.loadPaths(loadPaths(option));
    return this;
  }

  private loadPaths(paths: string[][]): void {
    const names = new Set<string>();
    let all = false;
    const children = new Map<string, { child: PreviewObject<unknown>; paths: string[][] }>();
    for (const [head, ...rest] of paths) {
      if (head === '*') {
        all = true;
      } else if (rest.length === 0 && head in this.properties) {
        names.add(head);
      } else {
        const child = this.navigations()[head]?.();
        if (!child) throw new PreviewError('InvalidArgument', `'${head}' is not a property of ${this.entity} in the preview host`);
        const entry = children.get(head) ?? { child, paths: [] };
        entry.paths.push(rest.length > 0 ? rest : ['*']);
        children.set(head, entry);
      }
    }
    if (all || names.size > 0) {
      const list = this._propertyNames(all ? undefined : [...names]);
      this.enqueue({
        location: `${this.entity}.load`,
        since: maxVersion(this.requires, this._since(list)),
        run: () => {
          const t = this.resolve();
          const values = t === null ? null : this._snapshot(t, list);
          return { response: values ?? { _IsNull: true }, apply: () => this._receive(values) };
        },
      });
    }
    for (const { child, paths: p } of children.values()) child.loadPaths(p);
  }

  /** @internal Property names to load: those given (checked), or every one this host supports. */
  _propertyNames(names: string[] | undefined): string[] {
    if (!names) return Object.keys(this.properties).filter((n) => this.properties[n].since === undefined || this.engine.supports(this.properties[n].since as string));
    for (const n of names) {
      if (!(n in this.properties)) throw new PreviewError('InvalidArgument', `'${n}' is not a property of ${this.entity} in the preview host`);
    }
    return names;
  }

  /** @internal The requirement set the given properties need. */
  _since(names: string[]): string | undefined {
    return maxVersion(...names.map((n) => this.properties[n].since));
  }

  /** @internal The values of the given properties of a target. */
  _snapshot(target: T, names: string[]): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const n of names) values[n] = this.properties[n].get(target, this.engine);
    return values;
  }

  /** @internal Takes what a sync loaded; null for a null object. */
  _receive(values: Record<string, unknown> | null): void {
    this.nullState = values === null;
    if (values) for (const [n, v] of Object.entries(values)) this.loaded.set(n, v);
  }
}

/**
 * A collection: `load` fetches its `items` (`load('items/name')`, `load('name')` and
 * `load('items')` all do), each item a proxy bound to what it was at that sync.
 */
export abstract class PreviewCollection<T, IT, I extends PreviewObject<IT>> extends PreviewObject<T> {
  private loadedItems: I[] | undefined;

  constructor(context: PreviewContext, entity: string, resolve: () => T | null, options: ProxyOptions = {}) {
    super(context, entity, {}, resolve, options);
  }

  get items(): I[] {
    if (!this.loadedItems) throw new PreviewError('PropertyNotLoaded', `${this.entity}.items was not loaded: call load('items') and context.sync() first`, `${this.entity}.items`);
    return this.loadedItems;
  }

  /** The targets of the items at sync time. */
  protected abstract itemTargets(target: T): IT[];
  /** A proxy bound to one item. */
  protected abstract itemProxy(target: IT): I;
  /** A proxy used only to name and check item properties. */
  protected abstract get itemPrototype(): I;

  override load(option?: LoadArgument): this {
    const paths = loadPaths(option).map((p) => (p[0] === 'items' ? (p.length > 1 ? p.slice(1) : ['*']) : p));
    if (paths.some((p) => p.length !== 1)) throw new PreviewError('InvalidArgument', `the preview host loads scalar item properties of ${this.entity} only`);
    const all = paths.some((p) => p[0] === '*');
    const names = this.itemPrototype._propertyNames(all ? undefined : paths.map((p) => p[0]));
    const since = this.itemPrototype._since(names);
    this.command('load', (t) => {
      const items = this.itemTargets(t).map((it) => {
        const proxy = this.itemProxy(it);
        return { proxy, values: proxy._snapshot(it, names) };
      });
      return {
        response: { value: items.map((i) => i.values) },
        apply: () => {
          for (const i of items) i.proxy._receive(i.values);
          this.loadedItems = items.map((i) => i.proxy);
        },
      };
    }, { since });
    return this;
  }
}

/** `OfficeExtension.ClientResult`: a value known after the next sync. */
export class PreviewClientResult<V> {
  private result: { v: V } | undefined;

  get value(): V {
    if (!this.result) throw new PreviewError('ValueNotLoaded', 'call context.sync() before reading the value');
    return this.result.v;
  }

  /** @internal */
  _set(v: V): void {
    this.result = { v };
  }
}

/** `OfficeExtension.EventHandlers`: handlers are registered (and removed) at the next sync. */
export class PreviewEventHandlers<A> {
  constructor(
    private readonly context: PreviewContext,
    private readonly location: string,
    private readonly event: EventName,
    /** The worksheet id at sync time, or null for the worksheet collection. */
    private readonly scope: () => string | null,
    private readonly since: string,
  ) {}

  private queue(verb: 'add' | 'remove', handler: (args: A) => Promise<unknown>): void {
    this.context.enqueue({
      location: `${this.location}.${verb}`,
      since: this.since,
      run: () => {
        const registration: HandlerRegistration = { event: this.event, sheetId: this.scope(), handler };
        const engine = this.context.engine;
        return { apply: () => (verb === 'add' ? engine.addHandler(registration) : engine.removeHandler(registration)) };
      },
    });
  }

  add(handler: (args: A) => Promise<unknown>): PreviewEventHandlerResult<A> {
    this.queue('add', handler);
    return new PreviewEventHandlerResult(this.context, this, handler);
  }

  remove(handler: (args: A) => Promise<unknown>): void {
    this.queue('remove', handler);
  }
}

class PreviewEventHandlerResult<A> {
  constructor(
    readonly context: PreviewContext,
    private readonly handlers: PreviewEventHandlers<A>,
    private readonly handler: (args: A) => Promise<unknown>,
  ) {}

  /** Removes the handler at the next sync of its context. */
  remove(): void {
    this.handlers.remove(this.handler);
  }
}
