import { sheetsContract } from '../../types/sheets'
import { serve } from '../_core/serve'
import { exportDashboard } from './actions/exportDashboard'
import { exportTickets } from './actions/exportTickets'
import { exportVolunteers } from './actions/exportVolunteers'
import { exportVote } from './actions/exportVote'
import { importRegister } from './actions/importRegister'
import { registerTemplate } from './actions/registerTemplate'

/**
 * Excel in and out: the register's import (and its template) and the staff exports. Apart from the everyday functions
 * because exceljs and iconv-lite weigh megabytes a cold start would pay. The exports run the other functions' own
 * list and view handlers (tickets.list, tickets.dashboard, council.roll, the volunteer record), bundled in here, so
 * a workbook holds exactly what the app shows, to exactly the people allowed to see it there.
 */
export const main = serve(sheetsContract, { registerTemplate, importRegister, exportTickets, exportDashboard, exportVolunteers, exportVote })
