// In-memory storage for the authorization server's codes, tokens, sessions and grants: one
// run of the local EHR, nothing persisted. Entries expire with their ttl.

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string };

interface Entry {
  payload: Payload;
  expiresAt: number;
}

const entries = new Map<string, Entry>();

export class SandboxAdapter {
  private readonly model: string;

  constructor(model: string) {
    this.model = model;
  }

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  private live(key: string): Payload | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity;
    entries.set(this.key(id), { payload: { ...payload }, expiresAt });
  }

  async find(id: string): Promise<Payload | undefined> {
    return this.live(this.key(id));
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    return this.findBy((p) => p.uid === uid);
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    return this.findBy((p) => p.userCode === userCode);
  }

  async consume(id: string): Promise<void> {
    const payload = this.live(this.key(id));
    if (payload) payload['consumed'] = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    entries.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, entry] of entries) {
      if (entry.payload.grantId === grantId) entries.delete(key);
    }
  }

  private findBy(test: (p: Payload) => boolean): Payload | undefined {
    const prefix = `${this.model}:`;
    for (const [key, entry] of entries) {
      if (key.startsWith(prefix) && test(entry.payload)) return this.live(key);
    }
    return undefined;
  }
}
