// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Claim, FhirResource, Provenance } from 'fhir/r4';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EncounterResult } from '../../engine/index.ts';
import { MemoryGateway, type MemoryGatewayOptions } from '../../fhir/test-kit/memory-gateway.ts';
import type { LaunchContext } from '../../fhir/gateway.ts';
import { CoderReview } from './coder-review.tsx';
import {
  diagnosedPicture,
  draftedClaim,
  launch,
  nctError,
  picture,
  result,
} from './test-kit/coder-data.ts';

const NOW = new Date('2026-03-03T15:00:00.000Z');
// The memory server lists only the types it holds: seed one Provenance so it offers the type.
const seedProvenance: Provenance = {
  resourceType: 'Provenance',
  id: 'seed',
  target: [{ reference: 'Patient/p1' }],
  recorded: '2026-01-01T00:00:00Z',
  agent: [{ who: { reference: 'Practitioner/x' } }],
};

function setup(
  opts: {
    result?: EncounterResult;
    resources?: FhirResource[];
    launch?: Partial<LaunchContext>;
    gateway?: MemoryGatewayOptions;
  } = {},
) {
  const resources = opts.resources ?? [...picture, seedProvenance];
  const gateway = new MemoryGateway({ ...launch, ...opts.launch }, resources, opts.gateway);
  const onSaved = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={client}>
      <CoderReview
        result={opts.result ?? result()}
        resources={resources}
        gateway={gateway}
        now={() => NOW}
        onSaved={onSaved}
      />
    </QueryClientProvider>,
  );
  return { gateway, onSaved, user, view };
}

function card(name: RegExp) {
  return screen.getByRole('article', { name });
}

async function acceptAll(user: ReturnType<typeof userEvent.setup>) {
  for (const a of screen.getAllByRole('article')) {
    await user.click(within(a).getByRole('button', { name: 'Accept' }));
  }
}

async function acknowledge(user: ReturnType<typeof userEvent.setup>, text: RegExp, note: string) {
  const errors = screen.getByRole('region', { name: /Errors/ });
  const item = within(errors).getByText(text).closest('li');
  if (!item) throw new Error(`no warning ${String(text)}`);
  await user.type(within(item).getByLabelText(/Note/), note);
  await user.click(within(item).getByRole('button', { name: 'Acknowledge' }));
}

const acknowledgeVialError = (user: ReturnType<typeof userEvent.setup>) =>
  acknowledge(user, /vials opened/, 'Vials checked in the pharmacy log');

beforeEach(() => sessionStorage.clear());
afterEach(cleanup);

describe('CoderReview: lines and evidence', () => {
  // Issue 17 §5: modifiers in words in the row; the evidence behind "Evidence"; record ids only
  // behind "Show record ids".
  it('shows every derived line with units, modifiers, NDC, amount and its evidence', async () => {
    const { user } = setup();
    const drug = card(/J9271 pembrolizumab/);
    expect(
      within(drug).getByText('JZ — no drug discarded; Q1 — routine care in a clinical trial'),
    ).toBeInTheDocument();
    expect(within(drug).getByText('$10,000.00')).toBeInTheDocument();
    expect(within(drug).queryByText('00006302602, 8 ML')).toBeNull();
    await user.click(within(drug).getByRole('button', { name: 'Evidence' }));
    expect(within(drug).getByText('00006302602, 8 ML')).toBeInTheDocument();
    expect(within(drug).getByText(/two 100 mg vials/)).toBeInTheDocument();
    expect(within(drug).getByText('2 × NDC 00006302602')).toBeInTheDocument();
    expect(within(drug).getByText('R-01, R-06')).toBeInTheDocument();
    const chemo = card(/^96413$/);
    expect(within(chemo).getByText('No decision yet')).toBeInTheDocument();
    await user.click(within(chemo).getByRole('button', { name: 'Evidence' }));
    expect(within(chemo).queryByText('administration a1: 62 minutes counted')).toBeNull();
    await user.click(within(chemo).getByRole('button', { name: 'Show record ids' }));
    expect(within(chemo).getByText('administration a1: 62 minutes counted')).toBeInTheDocument();
  });

  it('groups warnings by severity and links them to the lines they concern', () => {
    setup();
    const errors = screen.getByRole('region', { name: /Errors/ });
    expect(within(errors).getByText(/vials opened for pembrolizumab/)).toBeInTheDocument();
    expect(within(errors).getByText(/\$250\.00 at stake/)).toBeInTheDocument();
    const links = within(errors).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['96413 Q1', 'J9271 JZ Q1']);
    expect(links[1]).toHaveAttribute('href', expect.stringMatching(/^#line-J9271/));
    expect(document.querySelector(links[1]?.getAttribute('href') ?? '')).toBe(card(/J9271/));
    expect(screen.getByRole('region', { name: /Warnings \(money/ })).toHaveTextContent(
      'Prior authorization could not be checked.',
    );
  });
});

describe('CoderReview: decisions', () => {
  it('requires a reason to edit, then shows the change', async () => {
    const { user } = setup();
    const drug = card(/J9271/);
    await user.click(within(drug).getByRole('button', { name: 'Edit' }));
    const units = within(drug).getByLabelText('Units');
    await user.clear(units);
    await user.type(units, '150');
    await user.click(within(drug).getByRole('button', { name: 'Save change' }));
    expect(within(drug).getByText('Give a reason for the change.')).toBeInTheDocument();
    expect(within(drug).getByLabelText(/Reason/)).toHaveFocus();
    await user.type(within(drug).getByLabelText(/Reason/), 'Pharmacy log says 150 mg');
    await user.click(within(drug).getByRole('button', { name: 'Save change' }));
    expect(
      within(drug).getByText('Changed to 150 units, JZ, Q1: Pharmacy log says 150 mg'),
    ).toBeInTheDocument();
  });

  it('works from the keyboard: focus moves into the form and back to the button', async () => {
    const { user } = setup();
    const push = card(/96375/);
    within(push).getByRole('button', { name: 'Reject' }).focus();
    await user.keyboard('{Enter}');
    expect(within(push).getByLabelText(/Reason/)).toHaveFocus();
    await user.keyboard('Duplicate of another visit');
    await user.tab();
    await user.keyboard('{Enter}');
    expect(within(push).getByText('Rejected: Duplicate of another visit')).toBeInTheDocument();
    expect(within(push).getByRole('button', { name: 'Reject' })).toHaveFocus();
    within(push).getByRole('button', { name: 'Edit' }).focus();
    await user.keyboard('{Enter}');
    expect(within(push).getByLabelText('Units')).toHaveFocus();
    await user.keyboard('{Escape}');
    await user.click(within(push).getByRole('button', { name: 'Cancel' }));
    expect(within(push).getByRole('button', { name: 'Edit' })).toHaveFocus();
  });

  it('requires a reason to reject', async () => {
    const { user } = setup();
    const push = card(/96375/);
    await user.click(within(push).getByRole('button', { name: 'Reject' }));
    await user.click(within(push).getByRole('button', { name: 'Reject line' }));
    expect(within(push).getByText('Give a reason for rejecting.')).toBeInTheDocument();
    await user.type(within(push).getByLabelText(/Reason/), 'Given in another visit');
    await user.click(within(push).getByRole('button', { name: 'Reject line' }));
    expect(within(push).getByText('Rejected: Given in another visit')).toBeInTheDocument();
  });

  it('adds a line by hand only with a valid code and a reason', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add a line' }));
    const form = screen.getByRole('form', { name: 'Add a line' });
    await user.type(within(form).getByLabelText('Code'), '96367');
    await user.click(within(form).getByRole('button', { name: 'Add line' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Give a reason');
    await user.type(within(form).getByLabelText(/Reason/), 'Charted on paper');
    await user.click(within(form).getByRole('button', { name: 'Add line' }));
    expect(
      screen.getByText(
        /96367 \(Another non-chemo IV infusion after the first\) × 1 \(no modifiers\): Charted on paper/,
      ),
    ).toBeInTheDocument();
  });

  it('keeps decisions across a reload (sessionStorage)', async () => {
    const first = setup();
    await first.user.click(within(card(/^96413$/)).getByRole('button', { name: 'Accept' }));
    first.view.unmount();
    setup();
    expect(within(card(/^96413$/)).getByText('Accepted')).toBeInTheDocument();
    expect(within(card(/J9271/)).getByText('No decision yet')).toBeInTheDocument();
  });
});

describe('CoderReview: sign-off', () => {
  it('is refused with the reasons while lines are undecided and an error is unresolved', async () => {
    const { user, gateway } = setup();
    await user.click(screen.getByRole('button', { name: 'Sign off' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Sign-off refused:');
    expect(alert).toHaveTextContent('3 lines have no decision yet (96413 Q1, J9271 JZ Q1, 96375).');
    expect(alert).toHaveTextContent('Error not resolved: The vials opened for pembrolizumab');
    await waitFor(() => expect(alert).toHaveFocus());
    expect(gateway.writes).toEqual([]);
  });

  it('is refused on an unresolved error even when every line is decided', async () => {
    const { user, gateway } = setup();
    await acceptAll(user);
    await user.click(screen.getByRole('button', { name: 'Sign off' }));
    const alert = screen.getByRole('alert');
    expect(alert).not.toHaveTextContent('no decision');
    expect(alert).toHaveTextContent('Error not resolved');
    expect(gateway.writes).toEqual([]);
  });

  it('writes a draft Claim and a Provenance naming the coder', async () => {
    const r = result({ warnings: [...result().warnings, nctError] });
    const { user, gateway, onSaved } = setup({
      result: r,
      resources: [...diagnosedPicture, seedProvenance],
    });
    await acceptAll(user);
    await acknowledgeVialError(user);
    await acknowledge(user, /ClinicalTrials.gov number/, 'Number added at sign-off');
    await user.click(screen.getByRole('button', { name: 'Sign off' }));
    await screen.findByText(/Signed off\. Draft claim new-\d+ saved \(version 1\)/);
    expect(onSaved).toHaveBeenCalledTimes(1);
    const [claimWrite, provWrite] = gateway.writes;
    expect(claimWrite?.method).toBe('create');
    const claim = claimWrite?.resource as Claim;
    expect(claim).toMatchObject({
      status: 'draft',
      use: 'claim',
      patient: { reference: 'Patient/p1' },
    });
    expect(claim.item?.map((i) => i.productOrService.coding?.[0]?.code)).toEqual([
      '96413',
      'J9271',
      '96375',
    ]);
    // Z00.6 alone is no longer signed (research-billing T-23): the condition treated comes first.
    expect(claim.diagnosis?.map((dx) => dx.diagnosisCodeableConcept?.coding?.[0]?.code)).toEqual([
      'C34.90',
      'Z00.6',
    ]);
    expect(claim.supportingInfo?.[0]?.valueString).toBe('09900001');
    expect(claim.insurance[0]?.coverage.reference).toBe('Coverage/c1');
    const prov = provWrite?.resource as Provenance;
    expect(prov.agent[0]?.who?.reference).toBe('Practitioner/coder-1');
    expect(prov.recorded).toBe(NOW.toISOString());
    expect(prov.target[0]?.reference).toBe(`Claim/${claim.id ?? ''}`);
  });

  it('updates the existing draft with If-Match and shows the differences first', async () => {
    const resources = [...picture, seedProvenance, draftedClaim];
    const { user, gateway } = setup({ resources });
    const table = screen.getByRole('table', { name: /Drafted claim compared/ });
    expect(within(table).getByText('Units and modifiers differ')).toBeInTheDocument();
    expect(within(table).getByText('−$500.00')).toBeInTheDocument();
    expect(within(table).getByText('On the claim, not suggested')).toBeInTheDocument();
    expect(
      within(table)
        .getByText(/^Billed as drafted/)
        .closest('tr'),
    ).toHaveTextContent('$10,504.00');
    await acceptAll(user);
    await acknowledgeVialError(user);
    await user.click(screen.getByRole('button', { name: 'Sign off' }));
    await screen.findByText(/Draft claim claim-1 saved \(version 2\)/);
    expect(gateway.writes[0]?.method).toBe('update');
    const claim = gateway.writes[0]?.resource as Claim;
    expect(claim.id).toBe('claim-1');
    expect(claim.diagnosis?.map((dx) => dx.diagnosisCodeableConcept?.coding?.[0]?.code)).toEqual([
      'C34.90',
      'Z00.6',
    ]);
  });

  it('reports a conflict when the draft changed since it was read', async () => {
    const stale = { ...draftedClaim, meta: { versionId: '7' } };
    const resources = [...picture, seedProvenance, stale];
    const { user, gateway } = setup({ resources });
    await acceptAll(user);
    await acknowledgeVialError(user);
    await user.click(screen.getByRole('button', { name: 'Sign off' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone changed this claim');
    expect(gateway.writes).toEqual([]);
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
  });

  it('offers FHIR JSON and CSV downloads when the scopes do not allow the writes', async () => {
    const saved: { name: string; type: string; text: Promise<string> }[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      const blob = b as Blob;
      saved.push({ name: '', type: blob.type, text: blob.text() });
      return 'blob:x';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      const last = saved[saved.length - 1];
      if (last) last.name = this.download;
    });
    const { user, gateway } = setup({
      launch: { grantedScopes: ['patient/Claim.rs'] },
      resources: [...diagnosedPicture, seedProvenance],
    });
    expect(await screen.findByText(/not given permission to create claims/)).toBeInTheDocument();
    await acceptAll(user);
    await acknowledgeVialError(user);
    await user.click(screen.getByRole('button', { name: 'Sign off' }));
    expect(screen.getByRole('status')).toHaveTextContent('Signed off here, but not saved');
    await user.click(screen.getByRole('button', { name: 'Download FHIR JSON' }));
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(gateway.writes).toEqual([]);
    expect(saved.map((s) => [s.name, s.type])).toEqual([
      ['claim-e1-2026-03-02.json', 'application/fhir+json'],
      ['claim-e1-2026-03-02.csv', 'text/csv'],
    ]);
    const json = JSON.parse(await (saved[0]?.text ?? '')) as Claim;
    expect(json).toMatchObject({ resourceType: 'Claim', status: 'draft' });
    expect(json.item).toHaveLength(3);
    const csv = await (saved[1]?.text ?? '');
    expect(csv.split('\n')[2]).toContain('J9271,JZ Q1,200,00006302602,8,ML,10000.00,accepted');
    create.mockRestore();
    revoke.mockRestore();
    click.mockRestore();
  });

  it('is a state: after sign-off the button is disabled and a double click writes once', async () => {
    const resources = [...diagnosedPicture, seedProvenance, draftedClaim];
    const { user, gateway } = setup({ resources });
    await acceptAll(user);
    await acknowledgeVialError(user);
    const button = screen.getByRole('button', { name: 'Sign off' });
    await user.dblClick(button);
    await screen.findByText(/Draft claim claim-1 saved \(version 2\)/);
    expect(gateway.writes.map((w) => w.method)).toEqual(['update', 'create']);
    expect(screen.getByRole('button', { name: 'Sign off' })).toBeDisabled();
    expect(screen.getByText(/Signed off by you at 2026-03-03 15:00 UTC/)).toBeInTheDocument();
  });

  it('shows a claim signed in an earlier session as signed; amending needs a reason', async () => {
    const earlier: Provenance = {
      resourceType: 'Provenance',
      id: 'signed-1',
      target: [{ reference: 'Claim/claim-1' }],
      recorded: '2026-03-03T10:00:00Z',
      reason: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HPAYMT' },
          ],
        },
      ],
      agent: [
        {
          type: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
                code: 'author',
              },
            ],
          },
          who: { reference: 'Practitioner/coder-1' },
        },
      ],
      extension: [
        {
          url: 'https://everydose.dev/fhir/StructureDefinition/signed-claim-version',
          valueString: '1',
        },
      ],
    };
    const coder: FhirResource = {
      resourceType: 'Practitioner',
      id: 'coder-1',
      name: [{ given: ['Jordan'], family: 'Patel' }],
    };
    const resources = [...diagnosedPicture, earlier, coder, draftedClaim];
    const { user, gateway } = setup({
      resources,
      launch: {
        grantedScopes: [...launch.grantedScopes, 'patient/Provenance.rs', 'user/Practitioner.rs'],
      },
    });
    expect(
      await screen.findByText(/Signed off by Jordan Patel at 2026-03-03 10:00 UTC/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign off' })).toBeDisabled();
    await acceptAll(user);
    await acknowledgeVialError(user);
    await user.click(screen.getByRole('button', { name: 'Amend claim' }));
    expect(await screen.findByText('Give the reason for the amendment.')).toBeInTheDocument();
    expect(gateway.writes).toEqual([]);
    await user.type(screen.getByLabelText(/Reason for amending/), 'Units corrected after audit');
    await user.click(screen.getByRole('button', { name: 'Amend claim' }));
    await screen.findByText(/Amended\. Draft claim claim-1 saved \(version 2\)/);
    expect(gateway.writes.map((w) => w.method)).toEqual(['update', 'create']);
    const prov = gateway.writes[1]?.resource as Provenance;
    expect(prov.reason?.[1]?.text).toBe('Units corrected after audit');
    expect(prov.extension?.map((e) => e.valueString ?? e.valueBoolean)).toEqual(['2', true]);
  });

  it('does not sign a version already signed meanwhile (idempotency)', async () => {
    const resources = [...diagnosedPicture, seedProvenance, draftedClaim];
    const { user, gateway } = setup({
      resources,
      launch: { grantedScopes: [...launch.grantedScopes, 'patient/Provenance.rs'] },
    });
    await acceptAll(user);
    await acknowledgeVialError(user);
    // Another coder signs version 1 after this one opened the visit.
    await gateway.create<Provenance>({
      resourceType: 'Provenance',
      target: [{ reference: 'Claim/claim-1' }],
      recorded: '2026-03-03T14:59:00Z',
      reason: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HPAYMT' },
          ],
        },
      ],
      agent: [{ who: { reference: 'Practitioner/coder-2' } }],
    });
    const before = gateway.writes.length;
    await user.click(screen.getByRole('button', { name: 'Sign off' }));
    expect(
      await screen.findByText('This claim version was already signed off; nothing was written.'),
    ).toBeInTheDocument();
    expect(gateway.writes.length).toBe(before);
  });
});

describe('CoderReview: visit total and bulk accept', () => {
  it('shows the visit total and accepts only the lines without warnings', async () => {
    const { user } = setup();
    expect(screen.getByText(/Visit total: \$10,000\.00/)).toBeInTheDocument();
    expect(screen.getByText(/2 lines without a price not counted/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept all lines without warnings' }));
    expect(screen.getByText('Accepted 1 line without warnings.')).toBeInTheDocument();
    expect(within(card(/96375/)).getByText('Accepted')).toBeInTheDocument();
    expect(within(card(/96413/)).getByText('No decision yet')).toBeInTheDocument();
    expect(within(card(/J9271/)).getByText('No decision yet')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Accept all lines without warnings' }),
    ).toBeDisabled();
  });
});

describe('issue 17 §4 "Denied before for this" on the line cards', () => {
  const CARC = 'https://x12.org/codes/claim-adjustment-reason-codes';
  const RARC = 'https://x12.org/codes/remittance-advice-remark-codes';
  // A February claim of the same patient: J9271 denied for its NDC, 96413 paid.
  const february: Claim = {
    ...draftedClaim,
    id: 'claim-feb',
    status: 'active',
    created: '2026-02-10',
    insurer: { reference: 'Organization/acme' },
    item: [
      {
        sequence: 1,
        productOrService: { coding: [{ code: '96413' }] },
        servicedDate: '2026-02-10',
        quantity: { value: 1 },
      },
      {
        sequence: 2,
        productOrService: { coding: [{ code: 'J9271' }] },
        servicedDate: '2026-02-10',
        quantity: { value: 200 },
      },
    ],
  };
  const answer: FhirResource = {
    resourceType: 'ClaimResponse',
    id: 'cr-feb',
    status: 'active',
    type: { coding: [{ code: 'professional' }] },
    use: 'claim',
    patient: { reference: 'Patient/p1' },
    created: '2026-02-28',
    insurer: { reference: 'Organization/acme' },
    request: { reference: 'Claim/claim-feb' },
    outcome: 'complete',
    item: [
      {
        itemSequence: 1,
        adjudication: [
          { category: { coding: [{ code: 'benefit' }] }, amount: { value: 200, currency: 'USD' } },
        ],
      },
      {
        itemSequence: 2,
        adjudication: [
          {
            category: { coding: [{ code: 'benefit' }] },
            reason: {
              coding: [
                { system: CARC, code: '16' },
                { system: RARC, code: 'M119' },
              ],
            },
            amount: { value: 0, currency: 'USD' },
          },
        ],
      },
    ],
  };
  const acme: FhirResource = { resourceType: 'Organization', id: 'acme', name: 'Acme PPO' };

  it.each<[string, FhirResource[], string | null]>([
    [
      'payer read: named',
      [february, answer, acme],
      'Denied before for this: 10 Feb 2026, Acme PPO — the NDC was missing or invalid (CARC 16, M119)',
    ],
    [
      'payer not read: not guessed',
      [february, answer],
      'Denied before for this: 10 Feb 2026 — the NDC was missing or invalid (CARC 16, M119)',
    ],
    ['no payer answer: no note', [february], null],
  ])('%s', (_name, extra, note) => {
    setup({ resources: [...picture, seedProvenance, ...extra] });
    const drug = card(/J9271/);
    if (note === null) expect(within(drug).queryByText(/Denied before/)).toBeNull();
    else expect(within(drug).getByText(note)).toBeInTheDocument();
    // the paid administration line and the other lines carry no note
    expect(within(card(/96413/)).queryByText(/Denied before/)).toBeNull();
    expect(screen.queryAllByText(/Denied before/)).toHaveLength(note === null ? 0 : 1);
    expect(within(drug).getByRole('button', { name: 'Accept' })).toBeInTheDocument();
  });
});
