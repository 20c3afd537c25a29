// Output printers.
