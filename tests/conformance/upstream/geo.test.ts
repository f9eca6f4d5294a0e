/**
 * Carried over from TencentCloudBase/node-sdk test/database/unit/geo.test.ts and geo-advanced.test.ts: Geo values are
 * stored and read back as the SDK's Geo types; geospatial queries are not supported by the local database and are
 * refused loudly (see README). Each test name ends with the upstream case it carries, [describe › it] (see ledger.ts).
 */
import { db } from '../../../cloudfunctions/_core/cloud'
import { collectionWith, localCloud, rejection } from './helpers'

localCloud()

type GeoCtor = new (...args: never[]) => unknown
const Geo = () => db().Geo as unknown as Record<'Point' | 'LineString' | 'Polygon' | 'MultiPoint' | 'MultiLineString' | 'MultiPolygon', GeoCtor>
const pt = (lng: number, lat: number) => new (Geo().Point as unknown as new (a: number, b: number) => unknown)(lng, lat)
const make = (name: keyof ReturnType<typeof Geo>, arg: unknown) => new (Geo()[name] as unknown as new (a: unknown) => unknown)(arg)
const line = (...points: unknown[]) => make('LineString', points)

describe('upstream geo.test.ts', () => {
  test('when a document holds Points (alone, in arrays, nested) then set() of the same data reports 1 and the Point reads back [GEO类型 › GEO Point - CRUD]', async () => {
    const coll = await collectionWith('db-test-geo')
    const point = pt(-180, 20)
    const initialData = {
      point,
      pointArr: [point, point, point],
      uuid: '416a4700-e0d3-11e8-911a-8888888888',
      string: '新增单个string字段1。新增单个string字段1。',
      due: new Date('2018-09-01'),
      int: 100,
      geo: pt(90, 23),
      array: [
        { string: '99999999', due: new Date('2018-09-01'), geo: pt(90, 23) },
        { string: '0000000', geo: pt(90, 23), null: null },
      ],
    }
    const res = await coll.add(initialData)
    expect(res.id).toBeTruthy()
    expect(res.requestId).toBeTruthy()
    const res2 = await coll.doc(res.id!).set(initialData)
    expect(res2.updated).toBe(1)
    expect(res2.requestId).toBeTruthy()
    const read = await coll.where({ _id: res.id }).get()
    expect(read.data.length).toBeGreaterThan(0)
    expect({ ...read.data[0].point }).toEqual({ longitude: -180, latitude: 20 })
    expect((await coll.where({ _id: res.id }).remove()).deleted).toBe(1)
  })
})

describe('upstream geo-advanced.test.ts', () => {
  const square = (d: number) => [pt(-d, -d), pt(d, -d), pt(d, d), pt(-d, d), pt(-d, -d)]
  const initial = () => ({
    point: pt(12.5, -41.25),
    geoNearPoint: pt(0, 0),
    line: line(pt(1, 2), pt(3, 4)),
    polygon: make('Polygon', [line(...square(2)), line(...square(1))]),
    multiPoint: make('MultiPoint', [pt(1, 1), pt(-170, 80), pt(0, 0), pt(45.5, -12.25)]),
    multiLineString: make('MultiLineString', [line(pt(1, 2), pt(3, 4)), line(pt(-1, -2), pt(-3, -4))]),
    multiPolygon: make('MultiPolygon', [make('Polygon', [line(...square(2))]), make('Polygon', [line(...square(1))])]),
  })

  test('when every Geo type is stored then each reads back as its SDK class, equal to what was written [GEO高级功能 › GEO Advanced - CRUD]', async () => {
    const coll = await collectionWith('db-test-geo-advanced')
    const data = initial()
    const res = await coll.add(data)
    expect(res.id).toBeTruthy()
    expect(res.requestId).toBeTruthy()
    const read = await coll.where({ _id: res.id }).get()
    expect(read.data.length).toBeGreaterThan(0)
    const doc = read.data[0]
    const G = Geo()
    expect(doc.point).toBeInstanceOf(G.Point)
    expect(doc.line).toBeInstanceOf(G.LineString)
    expect(doc.polygon).toBeInstanceOf(G.Polygon)
    expect(doc.multiPoint).toBeInstanceOf(G.MultiPoint)
    expect(doc.multiLineString).toBeInstanceOf(G.MultiLineString)
    expect(doc.multiPolygon).toBeInstanceOf(G.MultiPolygon)
    for (const k of ['point', 'line', 'polygon', 'multiPoint', 'multiLineString', 'multiPolygon'] as const) expect(doc[k]).toStrictEqual(data[k])
    const set = await coll.doc(res.id!).set(data)
    expect(set.updated).toBe(1)
    expect(set.requestId).toBeTruthy()
    expect((await coll.where({ _id: res.id }).remove()).deleted).toBe(1)
  })

  test('when a Geo type is built from bad arguments then the SDK throws [GEO高级功能 › GEO - bad create]', () => {
    const bad: [keyof ReturnType<typeof Geo>, unknown[]][] = [
      ['Point', []],
      ['Point', [[], {}]],
      ['LineString', [{}]],
      ['LineString', [[]]],
      ['LineString', [[123, []]]],
      ['Polygon', [null]],
      ['Polygon', [[]]],
      ['Polygon', [[666, 789]]],
      ['Polygon', [[line(pt(-2, -2), pt(2, -2), pt(2, 2), pt(-2, 2), pt(-1, 1))]]],
      ['MultiPoint', [{}]],
      ['MultiPoint', [[]]],
      ['MultiPoint', [[{}, {}]]],
      ['MultiLineString', [{}]],
      ['MultiLineString', [[]]],
      ['MultiLineString', [[123, null]]],
      ['MultiPolygon', [123]],
      ['MultiPolygon', [[]]],
      ['MultiPolygon', [[666, 666]]],
    ]
    for (const [type, args] of bad) expect(() => new (Geo()[type] as unknown as new (...a: unknown[]) => unknown)(...args)).toThrow()
  })

  test('when where() uses geoNear then the local database refuses it: no geospatial queries locally [GEO高级功能 › GEO - geoNear]', async () => {
    const coll = await collectionWith('db-test-geo-advanced')
    const geoPoint = pt(22, 33)
    const res = await coll.add({ ...initial(), point: geoPoint })
    expect(res.id).toBeTruthy()
    expect(res.requestId).toBeTruthy()
    const geoNear = db().command.geoNear as unknown as (o: object) => unknown
    const err = await rejection(coll.where({ point: geoNear({ geometry: geoPoint, maxDistance: 1, minDistance: 0 }) }).get())
    expect(err.code).toBe('DATABASE_INVALID_OPERRATOR')
    expect(err.message).toContain('$nearSphere')
  })

  test('when where() uses geoWithin then the local database refuses it, for reads and removes alike [GEO高级功能 › GEO - geoWithin]', async () => {
    const coll = await collectionWith('db-test-geo-advanced')
    const res = await coll.add({ ...initial(), point: pt(0, 0) })
    expect(res.id).toBeTruthy()
    expect(res.requestId).toBeTruthy()
    const geoWithin = db().command.geoWithin as unknown as (o: object) => unknown
    const within = () => ({ point: geoWithin({ geometry: make('Polygon', [line(...square(2))]) }) })
    expect((await rejection(coll.where(within()).get())).code).toBe('DATABASE_INVALID_OPERRATOR')
    expect((await rejection(coll.where(within()).remove())).code).toBe('DATABASE_INVALID_OPERRATOR')
    expect((await coll.count()).total).toBe(1)
  })
})
