import type {
  CurrentUserDto,
  PortingHistoryEntry,
  PortingRequest,
  PortingRequestSummary,
  PortingStateCounts,
} from '../api/types';

export const alice: CurrentUserDto = {
  username: 'alice',
  name: 'Alice Admin',
  email: null,
  roles: ['tenant-admin'],
  tenantId: 'acme',
  platform: false,
};

export const vera: CurrentUserDto = { ...alice, username: 'vera', name: null, roles: ['viewer'] };

export const ada: CurrentUserDto = {
  username: 'ada',
  name: null,
  email: null,
  roles: ['platform-admin', 'porting-desk'],
  tenantId: null,
  platform: true,
};

export function summary(id: number, overrides: Partial<PortingRequestSummary> = {}): PortingRequestSummary {
  return {
    id,
    tenantId: 'acme',
    state: 'DRAFT',
    version: 0,
    revision: 0,
    numberCount: 2,
    losingCarrier: 'Twilio',
    requestedPortDate: '2027-01-15',
    focDate: null,
    dueAt: '2027-01-15T00:00:00Z',
    createdAt: '2026-12-01T09:00:00Z',
    ...overrides,
  };
}

export function request(overrides: Partial<PortingRequest> = {}): PortingRequest {
  return {
    id: 42,
    tenantId: 'acme',
    state: 'DRAFT',
    version: 3,
    revision: 0,
    numbers: [
      { e164: '+14155550101', status: 'INCLUDED', reason: null, inventoryState: 'PLANNED' },
      { e164: '+14155550102', status: 'INCLUDED', reason: null, inventoryState: 'PLANNED' },
    ],
    losingCarrier: 'Twilio',
    accountNumber: 'AC-1',
    pin: '****',
    authorisedPerson: 'Alice Example',
    billingTelephoneNumber: '+14155550101',
    serviceAddress: {
      street: '1 Market St',
      locality: 'San Francisco',
      region: 'CA',
      postalCode: '94105',
      country: 'US',
    },
    requestedPortDate: '2027-01-15',
    focDate: null,
    providerReference: null,
    plivoSubaccount: null,
    plivoAppId: null,
    cancelReason: null,
    rejections: [],
    documents: [],
    createdBy: 'alice',
    createdAt: '2026-12-01T09:00:00Z',
    updatedAt: '2026-12-01T09:00:00Z',
    ...overrides,
  };
}

export function historyEntry(id: number, from: PortingHistoryEntry['from'], to: PortingHistoryEntry['to']) {
  const entry: PortingHistoryEntry = {
    id,
    from,
    to,
    actor: 'ada',
    role: 'porting-desk',
    reason: null,
    revision: 1,
    focDate: null,
    previousFocDate: null,
    occurredAt: '2026-12-02T09:00:00Z',
  };
  return entry;
}

export function counts(byState: Record<string, number>): PortingStateCounts {
  const total = Object.values(byState).reduce((sum, n) => sum + n, 0);
  return { total, byState };
}
